package simlab.explore;

import simlab.nemesis.Schedule;
import simlab.workload.WorkloadParams;

/**
 * Everything one explorer run depends on: the system, the simulation seed, the fault schedule, the
 * workload and the implementation. Two runs of one spec are identical (same trace hash); the
 * shrinker edits the schedule and the workload and keeps the seed.
 */
public record RunSpec(
    ExploredSystem system, long seed, Schedule schedule, WorkloadParams params, Impls impls) {
  public RunSpec withSchedule(Schedule s) {
    return new RunSpec(system, seed, s, params, impls);
  }

  public RunSpec withParams(WorkloadParams p) {
    return new RunSpec(system, seed, schedule, p, impls);
  }
}
