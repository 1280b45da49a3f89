package io.storebench.bench.doctor;

/**
 * One fact about the host that can change benchmark figures, with what it means.
 *
 * @param name what is checked ({@code transparent huge pages})
 * @param value what the host has ({@code madvise})
 * @param verdict whether it is a risk to the figures
 * @param meaning what the value means for a benchmark, in one sentence
 */
public record HostCheck(String name, String value, Verdict verdict, String meaning) {
    /** How a host fact bears on the figures. */
    public enum Verdict {
        /** As a benchmark host should be. */
        OK,
        /** Worth knowing, not a risk by itself. */
        INFO,
        /** Can distort the figures: change it, or keep it the same on every host compared. */
        WARN,
        /** Could not be read here. */
        UNKNOWN
    }

    static HostCheck ok(String name, String value, String meaning) {
        return new HostCheck(name, value, Verdict.OK, meaning);
    }

    static HostCheck info(String name, String value, String meaning) {
        return new HostCheck(name, value, Verdict.INFO, meaning);
    }

    static HostCheck warn(String name, String value, String meaning) {
        return new HostCheck(name, value, Verdict.WARN, meaning);
    }

    static HostCheck unknown(String name, String why) {
        return new HostCheck(name, "unknown", Verdict.UNKNOWN, why);
    }
}
