package simlab.rsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import simlab.raft.ApplyMsg;
import simlab.sim.Simulation;

/**
 * The RSM's boundaries for what it has already applied, on a {@link FakeRaft}. Added for mutants
 * PIT found surviving even the RSM's own unit tests: a command or a snapshot at exactly the last
 * applied index (a redelivery) must change nothing, where a mutant either fails the run as a "gap"
 * or restores the older state.
 */
class RsmRedeliveryChecksTest {
  private static final Duration MS = Duration.ofMillis(1);
  private final Simulation sim = new Simulation(1);

  @Test
  void aCommandAtTheLastAppliedIndexIsSkipped() {
    RsmTest.Replica r = sim.addNode("s0", ctx -> new RsmTest.Replica(ctx, -1));
    r.rsm.submit(new Counter.Inc(1, 1));
    r.raft.commitThrough(1);
    sim.runFor(MS);
    r.raft.deliver(new ApplyMsg.Command(1, 1, new Counter.Inc(2, 1))); // index 1 again
    sim.runFor(MS);
    assertEquals(1, r.counter.value, "a redelivered index was applied again");
    assertEquals(1, r.counter.doOps);
    assertEquals(1, r.rsm.lastApplied());
  }

  @Test
  void aSnapshotAtOrBelowTheLastAppliedIndexIsIgnored() {
    RsmTest.Replica source = sim.addNode("s0", ctx -> new RsmTest.Replica(ctx, 0));
    source.rsm.submit(new Counter.Inc(1, 1));
    source.raft.commitThrough(1);
    sim.runFor(MS);
    byte[] atOne = source.raft.lastSnapshot();
    assertTrue(atOne.length > 0);

    RsmTest.Replica r = sim.addNode("s1", ctx -> new RsmTest.Replica(ctx, -1));
    r.rsm.submit(new Counter.Dec(9, 1));
    r.raft.commitThrough(1);
    sim.runFor(MS);
    assertEquals(-1, r.counter.value);
    r.raft.deliver(new ApplyMsg.Snapshot(1, 1, atOne)); // covers only what is applied
    sim.runFor(MS);
    assertEquals(-1, r.counter.value, "a snapshot at the applied index replaced the state");
    r.rsm.submit(new Counter.Dec(9, 2));
    r.raft.commitThrough(2);
    sim.runFor(MS);
    r.raft.deliver(new ApplyMsg.Snapshot(1, 1, atOne)); // older than what is applied
    sim.runFor(MS);
    assertEquals(-2, r.counter.value, "an older snapshot rolled the state back");
    assertEquals(2, r.rsm.lastApplied());
  }
}
