package io.storebench.bench.crash;

/**
 * When a trial's kill came and what it landed during.
 *
 * @param aimed whether the kill was aimed at background I/O ({@link Aim}) rather than at the delay
 * @param during the background work seen at the kill
 * @param evidence one line saying what was seen ({@code 000012.sst appeared 0.4 ms before the kill}),
 *     or why nothing was, or, for an aimed kill that saw no table-file write before its deadline,
 *     that the aim missed
 */
public record KillMoment(boolean aimed, Background during, String evidence) {
}
