package simlab.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.explore.ExploredSystem;
import simlab.explore.Explorer;
import simlab.explore.Impls;
import simlab.explore.SeedResult;
import simlab.harness.KvCluster;
import simlab.nemesis.FaultKind;
import simlab.raft.RaftIntrospection;
import simlab.sim.Simulation;

/**
 * ReadIndex reads (the real-network runtime's Gets) checked in simulation, where faults are
 * reproducible: Gets skip the log, and under the explorer's partitions, crashes and restarts the
 * histories stay linearizable on the very seeds where a leader answering Gets from its local state
 * ({@link ZooLocalReadKv}) is caught serving a stale value from a deposed leader.
 */
class ReadIndexKvTest {
  private static Explorer.Settings settings(String impl) {
    ExploredSystem kv = ExploredSystem.KV;
    return new Explorer.Settings(
        kv,
        Impls.validate(kv, impl),
        EnumSet.allOf(FaultKind.class),
        false,
        kv.defaultParams(),
        0,
        Path.of("target", "readindex", impl),
        "test-scripts/explore kv --impl " + impl);
  }

  @Test
  void readIndexHistoriesStayLinearizableWhereLocalReadsAreCaught() {
    List<Long> seeds = new ArrayList<>();
    for (long s = 1; s <= 24; s++) {
      seeds.add(s);
    }
    List<Long> caught = new ArrayList<>();
    for (SeedResult r : Explorer.run(settings(ZooLocalReadKv.class.getName()), seeds, 2, x -> {})) {
      if (r.failed()) {
        caught.add(r.seed());
      }
    }
    assertTrue(
        !caught.isEmpty(), "local reads must fail some of seeds 1..24, or the seeds prove nothing");
    for (SeedResult r : Explorer.run(settings(ReadIndexKv.class.getName()), seeds, 2, x -> {})) {
      assertTrue(
          r.passed(),
          "ReadIndex seed "
              + r.seed()
              + " "
              + r.result()
              + ": "
              + r.property()
              + " "
              + r.detail()
              + " (local reads failed seeds "
              + caught
              + ")");
    }
  }

  @Test
  void getsAfterAWriteOfTheTermLeaveNoLogEntry() {
    Simulation sim = new Simulation(11);
    ReadIndexKv impl = new ReadIndexKv();
    KvCluster cfg = new KvCluster(sim, 3, false, -1, impl, impl);
    cfg.begin("ReadIndex gets");
    KvCluster.ClerkHandle ck = cfg.makeClient(cfg.all());
    cfg.putSync(ck, "k", "v1");
    int leader = cfg.leader();
    KvServer server = sim.node(cfg.serverId(leader));
    RaftIntrospection raft = (RaftIntrospection) server.raft();
    int before = raft.lastIndex();
    for (int i = 0; i < 20; i++) {
      assertEquals("v1", cfg.getSync(ck, "k"));
    }
    assertEquals(before, raft.lastIndex(), "20 Gets appended log entries");
    cfg.putSync(ck, "k", "v2");
    assertEquals("v2", cfg.getSync(ck, "k"));
    assertEquals(before + 1, raft.lastIndex());
    cfg.end();
  }
}
