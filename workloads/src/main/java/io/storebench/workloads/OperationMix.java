package io.storebench.workloads;

import java.util.EnumMap;
import java.util.Map;

/**
 * The proportions of each {@link Operation}: each in [0, 1], together summing to 1 (within
 * 1e-9). {@link #choose(double)} maps a uniform draw to an operation without allocating.
 */
public record OperationMix(double read, double update, double insert, double scan, double readModifyWrite,
        double delete) {
    private static final double TOLERANCE = 1e-9;

    public OperationMix {
        double[] all = {read, update, insert, scan, readModifyWrite, delete};
        double sum = 0;
        for (int i = 0; i < all.length; i++) {
            if (!(all[i] >= 0 && all[i] <= 1)) {
                throw new IllegalArgumentException(Operation.all()[i].label() + " proportion " + all[i]
                        + " is out of range; allowed: 0..1");
            }
            sum += all[i];
        }
        if (Math.abs(sum - 1) > TOLERANCE) {
            throw new IllegalArgumentException("operation proportions sum to " + sum + ", not 1: read " + read
                    + ", update " + update + ", insert " + insert + ", scan " + scan + ", rmw " + readModifyWrite
                    + ", delete " + delete);
        }
    }

    /** Proportions by operation; absent operations count as 0. */
    public static OperationMix of(Map<Operation, Double> proportions) {
        return new OperationMix(get(proportions, Operation.READ), get(proportions, Operation.UPDATE),
                get(proportions, Operation.INSERT), get(proportions, Operation.SCAN),
                get(proportions, Operation.READ_MODIFY_WRITE), get(proportions, Operation.DELETE));
    }

    private static double get(Map<Operation, Double> proportions, Operation operation) {
        return proportions.getOrDefault(operation, 0.0);
    }

    public double proportion(Operation operation) {
        return switch (operation) {
            case READ -> read;
            case UPDATE -> update;
            case INSERT -> insert;
            case SCAN -> scan;
            case READ_MODIFY_WRITE -> readModifyWrite;
            case DELETE -> delete;
        };
    }

    public Map<Operation, Double> asMap() {
        Map<Operation, Double> map = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.all()) {
            if (proportion(operation) > 0) {
                map.put(operation, proportion(operation));
            }
        }
        return map;
    }

    /** A chooser for this mix, with its cumulative proportions precomputed. */
    public Chooser chooser() {
        return new Chooser(this);
    }

    /**
     * Maps a uniform draw in [0, 1) to an operation: operations take consecutive sub-intervals of
     * [0, 1) in declaration order, each as wide as its proportion. Immutable; allocates nothing.
     */
    public static final class Chooser {
        private final Operation[] operations;
        private final double[] upperEdges;

        private Chooser(OperationMix mix) {
            int present = 0;
            for (Operation operation : Operation.all()) {
                if (mix.proportion(operation) > 0) {
                    present++;
                }
            }
            operations = new Operation[present];
            upperEdges = new double[present];
            double edge = 0;
            int i = 0;
            for (Operation operation : Operation.all()) {
                if (mix.proportion(operation) > 0) {
                    edge += mix.proportion(operation);
                    operations[i] = operation;
                    upperEdges[i++] = edge;
                }
            }
            upperEdges[present - 1] = Double.POSITIVE_INFINITY; // rounding: the last edge may be 1 - 1e-16
        }

        public Operation choose(double u) {
            int i = 0;
            while (u >= upperEdges[i]) {
                i++;
            }
            return operations[i];
        }
    }
}
