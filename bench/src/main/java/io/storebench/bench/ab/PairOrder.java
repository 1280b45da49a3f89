package io.storebench.bench.ab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * The order of an A/B experiment's pairs, as Chromium's Pinpoint orders them: as many pairs with
 * the baseline first as with the candidate first (for an odd count, the extra pair's first side
 * is drawn from the seed), shuffled with a seeded random, so the order is reproducible and a
 * machine's warm-up or drift falls on both sides alike.
 *
 * <p>A pair whose fork failed is dropped; {@link #replace} appends a new pair with the same first
 * side, so the balance is kept, up to one replacement per pair planned.
 */
final class PairOrder {
    /** One pair: its number (1, 2, ... in the order run) and which side runs first. */
    record Pair(int number, Side first) {
        String tag() {
            return String.format("p%02d", number);
        }
    }

    private final Deque<Pair> queue;
    private final int maxReplacements;
    private int numbered;
    private int replacements;

    private PairOrder(List<Pair> planned) {
        this.queue = new ArrayDeque<>(planned);
        this.maxReplacements = planned.size();
        this.numbered = planned.size();
    }

    /** {@code pairs} pairs in a balanced order drawn from {@code seed}. */
    static PairOrder of(int pairs, long seed) {
        Random random = new Random(seed);
        List<Side> firsts = new ArrayList<>();
        for (int i = 0; i < pairs / 2; i++) {
            firsts.add(Side.BASELINE);
            firsts.add(Side.CANDIDATE);
        }
        if (pairs % 2 == 1) {
            firsts.add(random.nextBoolean() ? Side.BASELINE : Side.CANDIDATE);
        }
        Collections.shuffle(firsts, random);
        List<Pair> planned = new ArrayList<>();
        for (int i = 0; i < firsts.size(); i++) {
            planned.add(new Pair(i + 1, firsts.get(i)));
        }
        return new PairOrder(planned);
    }

    /** The pairs still to run, in order. */
    List<Pair> remaining() {
        return List.copyOf(queue);
    }

    /** The next pair, or null when all have run. */
    Pair next() {
        return queue.poll();
    }

    /** Pairs run so far plus those to come: the denominator of "pair 3/10". */
    int total() {
        return numbered;
    }

    /**
     * Appends a pair with {@code dropped}'s first side in place of it, or returns null when the
     * replacements are used up (one per pair planned).
     */
    Pair replace(Pair dropped) {
        if (replacements >= maxReplacements) {
            return null;
        }
        replacements++;
        Pair replacement = new Pair(++numbered, dropped.first());
        queue.add(replacement);
        return replacement;
    }
}
