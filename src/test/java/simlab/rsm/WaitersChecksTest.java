package simlab.rsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.raft.Raft;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;

/**
 * How submits wait ({@link Waiters}) and the 2025 wait policy of {@link ReferenceRsmFactory}. Added
 * for mutants PIT found surviving or uncovered: nothing checked that an answered wait leaves the
 * table (a busy leader would keep every answered future), and the 2025 factory's contract (no
 * commit timeout, no duplicate table) was reached only through the graded 2025 suites.
 */
class WaitersChecksTest {
  private static final Duration MS = Duration.ofMillis(1);
  private final Simulation sim = new Simulation(1);

  @Test
  void everyAnsweredWaitLeavesTheTable() {
    NodeContext ctx = sim.addNode("s0", c -> c);
    Raft.RaftState[] state = {new Raft.RaftState(1, true)};
    Waiters w = new Waiters(ctx, () -> state[0], Rsm.WaitPolicy.TIMEOUT);
    SimFuture<Submitted> a = w.await(1, 1);
    SimFuture<Submitted> b = w.await(2, 1);
    SimFuture<Submitted> c = w.await(3, 1);
    assertEquals(3, w.size());
    w.applied(1, 1, "one");
    assertEquals(Submitted.ok("one"), a.get());
    w.applied(2, 2, "another term's entry");
    assertEquals(RsmErr.WRONG_LEADER, b.get().err());
    assertEquals(1, w.size(), "an answered wait stayed in the table");
    state[0] = new Raft.RaftState(2, true);
    sim.runFor(Rsm.LEADERSHIP_POLL.plus(MS));
    assertEquals(RsmErr.WRONG_LEADER, c.get().err());
    assertEquals(0, w.size(), "a wait answered by the poll stayed in the table");
  }

  @Test
  void the2025ReferenceWaitsPastTheCommitTimeoutAndKeepsNoDuplicateTable() {
    FakeRaft[] raft = new FakeRaft[1];
    Counter counter = new Counter();
    ReplicatedStateMachine rsm =
        sim.addNode(
            "s0",
            ctx ->
                new ReferenceRsmFactory()
                    .make(
                        ctx,
                        List.of("s0"),
                        0,
                        (c, peers, me, applyCh) -> raft[0] = new FakeRaft(c, applyCh),
                        -1,
                        counter));
    SimFuture<Submitted> first = rsm.submit(new Counter.Inc(7, 1));
    sim.runFor(Rsm.COMMIT_TIMEOUT.multipliedBy(3));
    assertFalse(first.isDone(), "the 2025 RSM has no commit timeout (TestLeaderPartition4A)");
    SimFuture<Submitted> again = rsm.submit(new Counter.Inc(7, 1));
    raft[0].commitThrough(2);
    sim.runFor(MS);
    assertEquals(Submitted.ok(1L), first.get());
    assertEquals(
        Submitted.ok(2L), again.get(), "2025's services deduplicate themselves: both apply");
    SimFuture<Submitted> stuck = rsm.submit(new Counter.Inc(7, 2));
    raft[0].leader = false;
    assertTrue(sim.runUntil(stuck::isDone, Rsm.LEADERSHIP_POLL), "not answered within a poll");
    assertEquals(RsmErr.WRONG_LEADER, stuck.get().err());
  }
}
