package simlab.rsm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.raft.ApplyMsg;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;
import simlab.sim.SimulationFailure;

/** The RSM on a {@link FakeRaft} the test drives, with the {@link Counter} state machine. */
class RsmTest {
  private static final Duration MS = Duration.ofMillis(1);

  /** One node: the counter under an RSM on a fake Raft. */
  static final class Replica extends CounterReplica<FakeRaft> {
    Replica(NodeContext ctx, int maxRaftState) {
      super(ctx, maxRaftState, FakeRaft::new);
    }
  }

  private final Simulation sim = new Simulation(1);

  private Replica replica(String id, int maxRaftState) {
    return sim.addNode(id, ctx -> new Replica(ctx, maxRaftState));
  }

  private static Submitted done(SimFuture<Submitted> f) {
    assertTrue(f.isDone(), "the submit should have ended by now");
    return f.get();
  }

  @Test
  void anAppliedCommandAnswersWithItsResult() {
    Replica r = replica("s0", -1);
    SimFuture<Submitted> f = r.rsm.submit(new Counter.Inc(1, 1));
    sim.runFor(Duration.ofMillis(20));
    assertFalse(f.isDone(), "answered before the entry was applied");
    r.raft.commitThrough(1);
    sim.runFor(MS);
    assertEquals(Submitted.ok(1L), done(f));
    assertEquals(1, r.rsm.lastApplied());
  }

  @Test
  void aFollowerAnswersWrongLeaderAtOnce() {
    Replica r = replica("s0", -1);
    r.raft.leader = false;
    assertEquals(RsmErr.WRONG_LEADER, done(r.rsm.submit(new Counter.Inc(1, 1))).err());
  }

  @Test
  void aRetriedWriteIsAppliedOnceAndAnsweredFromTheTable() {
    Replica r = replica("s0", -1);
    SimFuture<Submitted> first = r.rsm.submit(new Counter.Inc(7, 1));
    SimFuture<Submitted> retry =
        r.rsm.submit(new Counter.Inc(7, 1)); // the same request, logged twice
    r.raft.commitThrough(2);
    sim.runFor(MS);
    assertEquals(Submitted.ok(1L), done(first));
    assertEquals(Submitted.ok(1L), done(retry));
    assertEquals(1, r.counter.value);
    assertEquals(1, r.counter.doOps, "the retry must not reach doOp");

    SimFuture<Submitted> next = r.rsm.submit(new Counter.Inc(7, 2));
    SimFuture<Submitted> other =
        r.rsm.submit(new Counter.Inc(8, 1)); // another client's seq 1 is new
    r.raft.commitThrough(4);
    sim.runFor(MS);
    assertEquals(Submitted.ok(2L), done(next));
    assertEquals(Submitted.ok(3L), done(other));
    assertEquals(3, r.counter.doOps);
  }

  @Test
  void readsAreAppliedAgainAndNotKept() {
    Replica r = replica("s0", -1);
    SimFuture<Submitted> read = r.rsm.submit(new Counter.Read(7, 1));
    SimFuture<Submitted> inc = r.rsm.submit(new Counter.Inc(8, 1));
    SimFuture<Submitted> reread = r.rsm.submit(new Counter.Read(7, 1));
    r.raft.commitThrough(3);
    sim.runFor(MS);
    assertEquals(Submitted.ok(0L), done(read));
    assertEquals(Submitted.ok(1L), done(inc));
    assertEquals(Submitted.ok(1L), done(reread), "a retried read sees the current state");
    assertEquals(3, r.counter.doOps);
  }

  @Test
  void anotherCommandAtTheIndexAnswersWrongLeader() {
    Replica r = replica("s0", -1);
    SimFuture<Submitted> f = r.rsm.submit(new Counter.Inc(1, 1));
    r.raft.overwrite(1, 2, new Counter.Null(0)); // a new leader's entry won index 1
    r.raft.commitThrough(1);
    sim.runFor(MS);
    assertEquals(RsmErr.WRONG_LEADER, done(f).err());
    assertEquals(0, r.counter.value);
  }

  @Test
  void losingLeadershipAnswersWrongLeaderWithinOnePoll() {
    Replica r = replica("s0", -1);
    SimFuture<Submitted> f = r.rsm.submit(new Counter.Inc(1, 1));
    sim.runFor(Duration.ofMillis(10));
    r.raft.leader = false;
    assertTrue(sim.runUntil(f::isDone, Rsm.LEADERSHIP_POLL), "not answered within one poll");
    assertEquals(RsmErr.WRONG_LEADER, f.get().err());
  }

  @Test
  void aNewTermAnswersWrongLeaderEvenIfStillLeader() {
    Replica r = replica("s0", -1);
    SimFuture<Submitted> f = r.rsm.submit(new Counter.Inc(1, 1));
    r.raft.term = 2; // lost and won again: the entry from term 1 may be gone
    assertTrue(sim.runUntil(f::isDone, Rsm.LEADERSHIP_POLL), "not answered within one poll");
    assertEquals(RsmErr.WRONG_LEADER, f.get().err());
  }

  @Test
  void aNewerSubmitAtTheSameIndexDisplacesTheOlder() {
    Replica r = replica("s0", -1);
    SimFuture<Submitted> old = r.rsm.submit(new Counter.Inc(1, 1));
    r.raft.truncateFrom(1);
    r.raft.term = 2;
    SimFuture<Submitted> fresh = r.rsm.submit(new Counter.Inc(2, 1));
    assertEquals(RsmErr.WRONG_LEADER, done(old).err());
    r.raft.commitThrough(1);
    sim.runFor(MS);
    assertEquals(Submitted.ok(1L), done(fresh));
  }

  @Test
  void aCommandThatNeverAppliesTimesOut() {
    Replica r = replica("s0", -1);
    SimFuture<Submitted> f = r.rsm.submit(new Counter.Inc(1, 1));
    sim.runFor(Rsm.COMMIT_TIMEOUT.minus(MS));
    assertFalse(f.isDone(), "timed out before " + Rsm.COMMIT_TIMEOUT);
    assertTrue(
        sim.runUntil(f::isDone, Rsm.LEADERSHIP_POLL), "no timeout within one poll of the deadline");
    assertEquals(RsmErr.TIMEOUT, f.get().err());
    // The entry may still commit later: it is applied, with nobody left to answer.
    r.raft.commitThrough(1);
    sim.runFor(MS);
    assertEquals(1, r.counter.value);
  }

  @Test
  void shutdownAnswersEveryWaiter() {
    Replica r = replica("s0", -1);
    SimFuture<Submitted> a = r.rsm.submit(new Counter.Inc(1, 1));
    SimFuture<Submitted> b = r.rsm.submit(new Counter.Inc(2, 1));
    sim.crash("s0");
    assertEquals(RsmErr.WRONG_LEADER, done(a).err());
    assertEquals(RsmErr.WRONG_LEADER, done(b).err());
    assertEquals(RsmErr.WRONG_LEADER, done(r.rsm.submit(new Counter.Inc(3, 1))).err());
  }

  @Test
  void snapshotsOncePerBurstAndRestoresOnRestart() {
    int maxRaftState = 4 + 5 * FakeRaft.BYTES_PER_ENTRY;
    Replica r = replica("s0", maxRaftState);
    for (int k = 1; k <= 6; k++) {
      r.rsm.submit(new Counter.Inc(k % 2, k));
    }
    r.raft.commitThrough(6);
    sim.runFor(MS);
    assertEquals(List.of(6), r.raft.snapshotIndices(), "one snapshot after the burst, covering it");
    assertTrue(sim.persister("s0").raftStateSize() < maxRaftState, "the log was not trimmed");

    Replica back = sim.restart("s0");
    assertEquals(6, back.counter.value, "the counter was not restored");
    assertEquals(6, back.rsm.lastApplied());
    // Client 0's latest write (seq 6) is in the restored duplicate table: a retry is not applied.
    SimFuture<Submitted> retry = back.rsm.submit(new Counter.Inc(0, 6));
    back.raft.commitThrough(7);
    sim.runFor(MS);
    assertEquals(Submitted.ok(6L), done(retry));
    assertEquals(0, back.counter.doOps);
  }

  @Test
  void anInstalledSnapshotReplacesTheStateAndReleasesCoveredWaiters() {
    Replica leader = replica("s0", 0); // maxRaftState 0: snapshot after every burst
    leader.rsm.submit(new Counter.Inc(1, 1));
    leader.rsm.submit(new Counter.Inc(1, 2));
    leader.raft.commitThrough(2);
    sim.runFor(MS);
    byte[] snapshot = leader.raft.lastSnapshot();
    assertTrue(snapshot.length > 0);

    Replica lagging = replica("s1", -1);
    SimFuture<Submitted> waiting =
        lagging.rsm.submit(new Counter.Dec(9, 1)); // index 1, soon covered
    lagging.raft.deliver(new ApplyMsg.Snapshot(2, 1, snapshot));
    sim.runFor(MS);
    assertEquals(RsmErr.WRONG_LEADER, done(waiting).err());
    assertEquals(2, lagging.counter.value);
    assertEquals(2, lagging.rsm.lastApplied());
    lagging.raft.deliver(new ApplyMsg.Command(1, 1, new Counter.Dec(9, 1))); // covered: skipped
    sim.runFor(MS);
    assertEquals(2, lagging.counter.value);
    // The leader's duplicate table came along: client 1's seq 2 is not applied again.
    lagging.raft.deliver(new ApplyMsg.Command(3, 1, new Counter.Inc(1, 2)));
    sim.runFor(MS);
    assertEquals(2, lagging.counter.value);
    assertEquals(3, lagging.rsm.lastApplied());
  }

  @Test
  void theSameStateGivesTheSameSnapshotBytes() {
    Replica a = replica("s0", 0);
    Replica b = replica("s1", 0);
    for (Replica r : List.of(a, b)) {
      r.rsm.submit(new Counter.Inc(5, 1));
      r.rsm.submit(new Counter.Inc(3, 1));
      r.raft.commitThrough(2);
    }
    sim.runFor(MS);
    assertArrayEquals(a.raft.lastSnapshot(), b.raft.lastSnapshot());
  }

  @Test
  void aGapInTheAppliedLogFailsTheRun() {
    Replica r = replica("s0", -1);
    r.raft.deliver(new ApplyMsg.Command(2, 1, new Counter.Inc(1, 1)));
    SimulationFailure f = assertThrows(SimulationFailure.class, () -> sim.runFor(MS));
    assertTrue(f.getMessage().contains("gap"), f.getMessage());
  }
}
