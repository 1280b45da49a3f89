/**
 * Result model and statistics: Welch t-tests, confidence intervals, Holm correction, the gate
 * and reports. Built in the statistics issue (#5); empty until then.
 */
package io.storebench.stats;
