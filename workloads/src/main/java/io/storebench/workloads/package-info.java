/**
 * Workload generation: key distributions, operation mixes, key and value encoding, presets.
 * Built in the workload issue (#3); empty until then.
 */
package io.storebench.workloads;
