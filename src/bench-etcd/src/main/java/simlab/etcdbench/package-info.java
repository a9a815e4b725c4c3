/**
 * The etcd side of {@code test-scripts/bench real-etcd}: simlab's closed-loop workload through
 * jetcd, in a Maven project of its own so that jetcd stays out of simlab's artifacts.
 */
package simlab.etcdbench;
