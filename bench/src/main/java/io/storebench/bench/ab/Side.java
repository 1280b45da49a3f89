package io.storebench.bench.ab;

/** The two sides of an A/B experiment. */
public enum Side {
    BASELINE("baseline"),
    CANDIDATE("candidate");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Side other() {
        return this == BASELINE ? CANDIDATE : BASELINE;
    }
}
