package simlab.rsm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.sim.Simulation;

/**
 * When the RSM snapshots: once the persisted Raft state reaches maxRaftState bytes (the class
 * comment of {@link Rsm}; 6.5840: "when Raft's state size approaches the threshold"). Added for
 * mutants PIT found surviving: no test made the state land exactly on the threshold, so "reaches"
 * versus "exceeds" was unchecked. {@link FakeRaft} persists 4 + 10 bytes per entry, so the sizes
 * here are exact.
 */
class RsmSnapshotChecksTest {
  private static final Duration MS = Duration.ofMillis(1);
  private static final int FIVE_ENTRIES = 4 + 5 * FakeRaft.BYTES_PER_ENTRY;
  private final Simulation sim = new Simulation(1);

  private RsmTest.Replica applied(int entries) {
    RsmTest.Replica r = sim.addNode("s0", ctx -> new RsmTest.Replica(ctx, FIVE_ENTRIES));
    for (int k = 1; k <= entries; k++) {
      r.rsm.submit(new Counter.Inc(1, k));
    }
    assertEquals(4 + entries * FakeRaft.BYTES_PER_ENTRY, sim.persister("s0").raftStateSize());
    r.raft.commitThrough(entries);
    sim.runFor(MS);
    return r;
  }

  @Test
  void snapshotsWhenTheStateReachesExactlyTheThreshold() {
    RsmTest.Replica r = applied(5);
    assertEquals(List.of(5), r.raft.snapshotIndices(), "the state reached maxRaftState");
  }

  @Test
  void noSnapshotBelowTheThreshold() {
    RsmTest.Replica r = applied(4);
    assertEquals(List.of(), r.raft.snapshotIndices());
  }
}
