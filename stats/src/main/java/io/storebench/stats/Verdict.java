package io.storebench.stats;

/** What a comparison of a candidate against a baseline concludes for one benchmark key. */
public enum Verdict {
    /** Significant after Holm and worse than the floor allows. */
    REGRESSED,
    /** Significant after Holm and better beyond the floor. */
    IMPROVED,
    /** Significant after Holm, but the change is inside the floor: real and too small to matter. */
    BELOW_FLOOR,
    /** The 90 % interval of the ratio lies inside ± the floor. */
    NO_CHANGE,
    /** None of the above, or Welch and the permutation test disagree: more forks would decide it. */
    INCONCLUSIVE;

    public String label() {
        return name().replace('_', '-');
    }
}
