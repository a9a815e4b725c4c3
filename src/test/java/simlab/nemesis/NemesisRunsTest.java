package simlab.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import simlab.sim.Simulation;
import simlab.testing.Seed;
import simlab.testing.SimTest;
import simlab.workload.WorkloadParams;

/**
 * Each system under a generated schedule with its workload, on the reference implementation: the
 * invariant monitors (after every event and a full scan at the end), the agreement of acknowledged
 * Raft commands, the linearizability of the KV and shardkv histories (UNKNOWN fails), and every
 * client finishing after the final heal. Five seeds per test, starting at the test's seed (1 by
 * default, so seeds 1-5).
 */
@Tag("nemesis")
class NemesisRunsTest {
  private static final int SEEDS = 5;

  @SimTest(name = "TestNemesisRaft")
  void raftUnderGeneratedSchedules(Seed seed) {
    for (long s = seed.value(); s < seed.value() + SEEDS; s++) {
      Simulation sim = s == seed.value() ? seed.newSimulation() : new Simulation(s);
      Schedule schedule =
          ScheduleGenerator.generate(
              s,
              Topology.oneGroup(
                  java.util.List.of("raft-0", "raft-1", "raft-2", "raft-3", "raft-4")),
              GeneratorConfig.defaults());
      NemesisRuns.Outcome o = NemesisRuns.raft(sim, schedule);
      assertTrue(o.log().size() >= schedule.size(), "every step logged");
      if (s == seed.value()) {
        System.out.print(schedule);
        o.log().forEach(System.out::println);
      }
    }
  }

  @SimTest(name = "TestNemesisKv")
  void kvUnderGeneratedSchedules(Seed seed) {
    for (long s = seed.value(); s < seed.value() + SEEDS; s++) {
      Simulation sim = s == seed.value() ? seed.newSimulation() : new Simulation(s);
      Schedule schedule =
          ScheduleGenerator.generate(
              s,
              Topology.oneGroup(java.util.List.of("kv-0", "kv-1", "kv-2", "kv-3", "kv-4")),
              GeneratorConfig.defaults());
      WorkloadParams p = s % 2 == 0 ? WorkloadParams.spread() : WorkloadParams.contended();
      NemesisRuns.kv(sim, schedule, p);
    }
  }

  @SimTest(name = "TestNemesisShardKv")
  void shardkvUnderSwarmSchedules(Seed seed) {
    for (long s = seed.value(); s < seed.value() + SEEDS; s++) {
      Simulation sim = s == seed.value() ? seed.newSimulation() : new Simulation(s);
      Schedule schedule =
          ScheduleGenerator.swarm(s, ShardTopology.TOPOLOGY, GeneratorConfig.defaults());
      NemesisRuns.shardkv(sim, schedule);
    }
  }

  @SimTest(name = "TestNemesisSameSeedSameHash")
  void sameSeedGivesSameScheduleAndTraceHash(Seed seed) {
    Topology topo = Topology.oneGroup(java.util.List.of("kv-0", "kv-1", "kv-2", "kv-3", "kv-4"));
    Schedule a = ScheduleGenerator.generate(seed.value(), topo, GeneratorConfig.defaults());
    Schedule b = ScheduleGenerator.generate(seed.value(), topo, GeneratorConfig.defaults());
    assertEquals(a, b);
    NemesisRuns.Outcome x = NemesisRuns.kv(seed.newSimulation(), a, WorkloadParams.contended());
    NemesisRuns.Outcome y =
        NemesisRuns.kv(new Simulation(seed.value()), b, WorkloadParams.contended());
    assertEquals(x.traceHash(), y.traceHash());
    assertEquals(x.log(), y.log());
    // the nemesis is in the hash: the same run without its last fault step differs
    NemesisRuns.Outcome z =
        NemesisRuns.kv(
            new Simulation(seed.value()), a.withoutStep(a.size() - 2), WorkloadParams.contended());
    assertTrue(!z.traceHash().equals(x.traceHash()), "dropping a step must change the trace hash");
  }
}
