/**
 * Key distributions: which record a read, update, scan or delete touches.
 *
 * <p>{@link io.storebench.workloads.distribution.DistributionKind} names the distributions as the
 * command line does; {@link io.storebench.workloads.distribution.DistributionSpec} holds one with
 * its validated parameters, creates a per-thread
 * {@link io.storebench.workloads.distribution.KeyDistribution} for a key space, and gives its
 * theoretical {@link io.storebench.workloads.distribution.Popularity} curve and
 * {@link io.storebench.workloads.distribution.TopShares}, against which tests and the
 * {@code inspect} command compare what was drawn.
 *
 * <p>Everything is over {@code long} item numbers (key spaces up to 2<sup>48</sup> items), every
 * random choice comes from the caller's seeded {@link java.util.SplittableRandom}, every set-up
 * is O(1), and no draw allocates.
 */
package io.storebench.workloads.distribution;
