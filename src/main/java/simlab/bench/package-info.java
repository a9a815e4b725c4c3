/**
 * Benchmarks of the reference protocols under faults, in virtual time: {@code bench kv}, {@code
 * bench raft} and {@code bench shardkv} run a client workload (closed loop or open loop at a fixed
 * rate) against a cluster while a nemesis applies a fault schedule, then report throughput,
 * latency, availability, the longest gap and recovery times, write the history and plots; {@code
 * bench election} reproduces Figure 16 of the Raft paper. Everything measured is virtual time, so
 * one seed and one set of parameters give the same summary and history on every run; only the wall
 * time printed at the end varies.
 */
package simlab.bench;
