/**
 * Client workloads for runs under a nemesis: {@link simlab.workload.RaftWorkload} (unique commands
 * through Start), {@link simlab.workload.KvWorkload} (clerks over a small or large key space,
 * recorded for the linearizability check) and {@link simlab.workload.ShardKvWorkload} (the same
 * plus Join/Leave/Move while clients run). Sizes, pacing and the read ratio are {@link
 * simlab.workload.WorkloadParams}; every random choice comes from a named stream of the run's seed.
 */
package simlab.workload;
