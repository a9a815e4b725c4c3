package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.sim.Simulation;

/**
 * The reference driver ({@link ReferenceRaft}) around the core, in tiny seeded simulations: what
 * {@link Raft#kill()} promises ("after this, it sends nothing and applies nothing") when a service
 * kills its peer without the simulator crashing the node (so its timers, deferred events and
 * request handlers still run), what the introspection the invariant monitor reads reports, and the
 * Pre-Vote wiring the graded suites never turn on.
 */
class DriverChecksTest {
  private static final Duration LAB_ELECTION_LIMIT = Duration.ofSeconds(5);

  /** N reference peers with one timing; each peer's applied messages are recorded. */
  private static final class Cluster {
    final Simulation sim;
    final List<String> ids = new ArrayList<>();
    final List<List<ApplyMsg>> applied = new ArrayList<>();

    Cluster(long seed, int n, RaftTiming timing) {
      sim = new Simulation(seed);
      for (int i = 0; i < n; i++) {
        ids.add("r" + i);
        applied.add(new ArrayList<>());
      }
      for (int i = 0; i < n; i++) {
        int me = i;
        sim.addNode(
            ids.get(i),
            ids,
            ctx -> new ReferenceRaftFactory(timing).make(ctx, ids, me, applied.get(me)::add));
      }
    }

    ReferenceRaft peer(int i) {
      return sim.node(ids.get(i));
    }

    int leader() {
      for (int i = 0; i < ids.size(); i++) {
        if (sim.isAlive(ids.get(i)) && peer(i).getState().isLeader()) {
          return i;
        }
      }
      return -1;
    }

    int awaitLeader() {
      assertTrue(sim.runUntil(() -> leader() >= 0, LAB_ELECTION_LIMIT), "no leader within 5 s");
      return leader();
    }

    /** Whether peer {@code i}'s log (after its snapshot) holds {@code command}. */
    boolean holds(int i, Object command) {
      ReferenceRaft p = peer(i);
      for (int k = p.snapshotIndex() + 1; k <= p.lastIndex(); k++) {
        if (command.equals(p.commandAt(k))) {
          return true;
        }
      }
      return false;
    }
  }

  @Test
  void aKilledLeaderSendsAnswersSavesAndAppliesNothing() {
    Cluster c = new Cluster(3, 3, RaftTiming.DEFAULT);
    int l = c.awaitLeader();
    ReferenceRaft leader = c.peer(l);
    int first = leader.start("first").index();
    assertTrue(
        c.sim.runUntil(
            () -> c.applied.stream().allMatch(a -> a.size() >= first), Duration.ofSeconds(2)),
        "the first command commits everywhere");
    // Mid-way between heartbeats no request is in flight, so the next replication pass would
    // send the new entry to every follower at once.
    c.sim.runFor(Duration.ofMillis(50));
    int lost = leader.start("lost").index();
    assertTrue(lost > first, "the leader appends the second command");
    leader.kill(); // before the deferred replication pass that would send it
    int termAtKill = leader.currentTerm();
    byte[] stateAtKill = c.sim.persister(c.ids.get(l)).readRaftState();
    int appliedAtKill = c.applied.get(l).size();

    Raft.StartResult late = leader.start("late");
    assertFalse(late.isLeader(), "a killed peer leads nothing");
    assertEquals(-1, late.index(), "a killed peer appends nothing");
    assertFalse(leader.getState().isLeader());
    leader.snapshot(first, new byte[] {7});

    c.sim.runFor(Duration.ofSeconds(3));
    int next = c.leader();
    assertTrue(next >= 0 && next != l, "the others elect a new leader");
    assertTrue(c.peer(next).currentTerm() > termAtKill);
    c.peer(next).start("after");
    c.sim.runFor(Duration.ofSeconds(2));
    for (int i = 0; i < 3; i++) {
      if (i != l) {
        assertFalse(c.holds(i, "lost"), "r" + i + " got an entry the killed leader sent");
      }
    }
    assertEquals(
        termAtKill, leader.currentTerm(), "the killed peer answered a newer term's request");
    assertArrayEquals(
        stateAtKill,
        c.sim.persister(c.ids.get(l)).readRaftState(),
        "the killed peer saved state after kill()");
    assertEquals(0, c.sim.persister(c.ids.get(l)).readSnapshot().length, "a snapshot after kill()");
    assertEquals(appliedAtKill, c.applied.get(l).size(), "the killed peer applied after kill()");
  }

  @Test
  void aServiceThatKillsItsPeerWhileApplyingGetsNothingMore() {
    Simulation sim = new Simulation(1);
    List<String> ids = List.of("r0");
    List<ApplyMsg> got = new ArrayList<>();
    Raft[] self = new Raft[1];
    self[0] =
        sim.addNode(
            "r0",
            ids,
            ctx ->
                new ReferenceRaftFactory()
                    .make(
                        ctx,
                        ids,
                        0,
                        msg -> {
                          got.add(msg);
                          self[0].kill(); // the service shuts down on its first command
                        }));
    assertTrue(sim.runUntil(() -> self[0].getState().isLeader(), LAB_ELECTION_LIMIT));
    for (int i = 0; i < 5; i++) {
      self[0].start("c" + i); // a cluster of one commits each at once: one apply batch of five
    }
    sim.runFor(Duration.ofSeconds(1));
    assertEquals(1, got.size(), "delivered after kill(): " + got);
  }

  @Test
  void introspectionReportsTheCoresState() {
    Cluster c = new Cluster(5, 3, RaftTiming.DEFAULT);
    int l = c.awaitLeader();
    ReferenceRaft leader = c.peer(l);
    int f = (l + 1) % 3;
    ReferenceRaft follower = c.peer(f);
    int index = leader.start("x").index();
    assertTrue(
        c.sim.runUntil(
            () -> c.applied.stream().allMatch(a -> a.size() >= index), Duration.ofSeconds(2)));
    assertTrue(leader.isLeader());
    assertFalse(follower.isLeader());
    assertEquals("leader", leader.role());
    assertEquals("follower", follower.role());
    assertEquals(l, leader.votedFor(), "a leader voted for itself in its term");
    assertEquals(index, leader.commitIndex());
    assertEquals(index, follower.commitIndex());
    assertEquals(leader.currentTerm(), follower.currentTerm());
    assertEquals(index, follower.acknowledgedIndex(), "it told this term's leader it holds x");
    assertEquals(
        c.sim.persister(c.ids.get(f)).raftStateSize(), follower.persistedSize(), "persisted size");
    assertTrue(follower.persistedSize() > 0);

    // Cut off, the follower campaigns in newer terms: it has acknowledged nothing in them.
    c.sim.network().isolate(c.ids.get(f));
    int termBefore = follower.currentTerm();
    assertTrue(
        c.sim.runUntil(() -> follower.currentTerm() > termBefore, Duration.ofSeconds(2)),
        "an isolated follower campaigns");
    assertEquals("candidate", follower.role());
    assertEquals(f, follower.votedFor(), "a candidate votes for itself");
    assertEquals(0, follower.acknowledgedIndex(), "no acknowledgement in the new term");
    assertEquals(index, follower.commitIndex(), "the commit index never goes back");
  }

  @Test
  void aPreVoteClusterElectsAndReplacesACrashedLeader() {
    Cluster c = new Cluster(7, 3, RaftTiming.DEFAULT.withPreVote(true));
    int l = c.awaitLeader();
    int term = c.peer(l).currentTerm();
    assertEquals(1, term, "with Pre-Vote, the first election is the only one to bump the term");
    int index = c.peer(l).start("x").index();
    assertTrue(
        c.sim.runUntil(
            () -> c.applied.stream().allMatch(a -> a.size() >= index), Duration.ofSeconds(2)));
    c.sim.crash(c.ids.get(l));
    int next = c.awaitLeader();
    assertTrue(next != l);
    assertEquals(term + 1, c.peer(next).currentTerm(), "one pre-voted election, one new term");
  }

  @Test
  void aQuietClusterKeepsItsLeaderAndHeartbeatsAtMostTenTimesASecond() {
    // 6.5840's TestInitialElection: with no failures the term must not change; the handout caps
    // heartbeats at ten per second.
    Cluster c = new Cluster(11, 3, RaftTiming.DEFAULT);
    int l = c.awaitLeader();
    int term = c.peer(l).currentTerm();
    c.sim.runFor(Duration.ofSeconds(1)); // let the first round of replication settle
    long[] before = new long[3];
    for (int i = 0; i < 3; i++) {
      before[i] = c.sim.network().rpcCount(c.ids.get(i));
    }
    c.sim.runFor(Duration.ofSeconds(10));
    assertEquals(l, c.leader(), "the leader changed with no failure");
    for (int i = 0; i < 3; i++) {
      assertEquals(term, c.peer(i).currentTerm(), "r" + i + " moved to a new term");
      if (i != l) {
        long heard = c.sim.network().rpcCount(c.ids.get(i)) - before[i];
        assertTrue(heard <= 101, "r" + i + " got " + heard + " requests in 10 s: over 10/s");
        assertTrue(heard >= 10, "r" + i + " got " + heard + " requests in 10 s");
      }
    }
  }

  @Test
  void aProposalIsSentAtOnceNotAtTheNextHeartbeat() {
    // 6.5840's speed tests (TestSpeed3B, TestSpeed4B/4C): with heartbeats ~100 ms, at least three
    // sequential agreements per heartbeat interval, i.e. at most 33.3 ms per command.
    Cluster c = new Cluster(13, 3, RaftTiming.DEFAULT);
    int l = c.awaitLeader();
    ReferenceRaft leader = c.peer(l);
    int ops = 30;
    Duration start = c.sim.now();
    for (int i = 0; i < ops; i++) {
      int index = leader.start("op" + i).index();
      assertTrue(
          c.sim.runUntil(() -> c.applied.get(l).size() >= index, Duration.ofSeconds(1)),
          "op " + i + " did not commit");
    }
    Duration perOp = c.sim.now().minus(start).dividedBy(ops);
    assertTrue(
        perOp.compareTo(RaftTiming.DEFAULT.heartbeat().dividedBy(3)) <= 0,
        perOp.toMillis() + " ms per sequential command: slower than 3 per heartbeat");
  }

  // ---- timers and requests by hand (ReferenceRaftDriverTest's context runs nothing itself) ----

  /** Fires the pending timer at {@code i}: a fired timer is no longer pending. */
  private static void fire(ReferenceRaftDriverTest.HandContext ctx, int i) {
    ctx.timers.remove(i).run();
  }

  @Test
  void aLeaderRunsOnlyItsHeartbeatTimerAndReArmsIt() {
    ReferenceRaftDriverTest.HandContext ctx = new ReferenceRaftDriverTest.HandContext();
    ReferenceRaft peer = new ReferenceRaft(ctx, List.of("raft-0"), 0, msg -> {});
    assertEquals(1, ctx.timers.size(), "the election timer");
    fire(ctx, 0); // a cluster of one wins its election at once
    assertTrue(peer.isLeader());
    assertEquals(1, ctx.timers.size(), "a leader runs one timer, its heartbeat, and no election");
    fire(ctx, 0);
    assertEquals(1, ctx.timers.size(), "the heartbeat is re-armed after it fires");
    assertTrue(peer.isLeader(), "the timer that ran was the heartbeat, not an election");
    assertEquals(1, peer.currentTerm());
  }

  @Test
  void hearingTheLeaderRestartsTheElectionTimer() {
    // Figure 2: a follower converts to candidate only if its election timeout elapses *without*
    // receiving AppendEntries from the current leader.
    ReferenceRaftDriverTest.HandContext ctx = new ReferenceRaftDriverTest.HandContext();
    new ReferenceRaft(ctx, ctx.peers(), 0, msg -> {});
    Runnable armed = ctx.timers.get(0);
    ctx.deliver(new AppendEntries(1, 1, 0, 0, ImmutableList.of(), 0));
    assertEquals(1, ctx.timers.size(), "one election timer");
    assertTrue(
        ctx.timers.get(0) != armed, "the timer armed before the leader was heard still runs");
  }

  @Test
  void aKilledPeerAnswersARequestAsLostAtOnce() {
    ReferenceRaftDriverTest.HandContext ctx = new ReferenceRaftDriverTest.HandContext();
    ReferenceRaft peer = new ReferenceRaft(ctx, ctx.peers(), 0, msg -> {});
    byte[] saved = ctx.persister.readRaftState();
    peer.kill();
    assertTrue(ctx.timers.isEmpty(), "a killed peer leaves no timer running");
    Object answer = ctx.deliver(new AppendEntries(5, 1, 0, 0, ImmutableList.of(), 0));
    assertEquals(null, answer, "a killed peer answered");
    assertEquals(List.of("fail"), ctx.events, "the caller must learn at once that no reply comes");
    assertArrayEquals(saved, ctx.persister.readRaftState(), "a killed peer saved a newer term");
  }

  @Test
  void aKilledPreVotePeerStopsItsLeaseTimerToo() {
    ReferenceRaftDriverTest.HandContext ctx = new ReferenceRaftDriverTest.HandContext();
    ReferenceRaft peer =
        new ReferenceRaft(ctx, ctx.peers(), 0, msg -> {}, RaftTiming.DEFAULT.withPreVote(true));
    ctx.deliver(new AppendEntries(1, 1, 0, 0, ImmutableList.of(), 0));
    assertEquals(2, ctx.timers.size(), "the election timer and the leader-contact lease");
    ctx.deliver(new AppendEntries(1, 1, 0, 0, ImmutableList.of(), 0));
    // Thesis §9.6 measures the lease from the latest contact: the earlier lease must not run on
    // and expire it early.
    assertEquals(2, ctx.timers.size(), "one lease, restarted by each contact");
    peer.kill();
    assertTrue(ctx.timers.isEmpty(), "a killed peer leaves no timer running");
  }

  @Test
  void withPreVoteARejoiningServerDoesNotDisruptTheLeader() {
    // Raft thesis §9.6: a server that was cut off cannot win a pre-vote while the others hear
    // from their leader, so it never bumps the term and the leader stays.
    Cluster c = new Cluster(17, 3, RaftTiming.DEFAULT.withPreVote(true));
    int l = c.awaitLeader();
    int term = c.peer(l).currentTerm();
    int f = (l + 1) % 3;
    c.sim.network().isolate(c.ids.get(f));
    c.sim.runFor(Duration.ofSeconds(3));
    assertEquals(term, c.peer(f).currentTerm(), "an isolated server bumped its term");
    c.sim.network().healAll();
    c.sim.runFor(Duration.ofSeconds(3));
    assertEquals(l, c.leader(), "the rejoining server deposed a healthy leader");
    for (int i = 0; i < 3; i++) {
      assertEquals(term, c.peer(i).currentTerm(), "r" + i + " moved to a new term");
    }
  }

  @Test
  void aKilledLeaderStopsItsHeartbeat() {
    ReferenceRaftDriverTest.HandContext ctx = new ReferenceRaftDriverTest.HandContext();
    ReferenceRaft peer = new ReferenceRaft(ctx, List.of("raft-0"), 0, msg -> {});
    fire(ctx, 0);
    assertTrue(peer.isLeader());
    peer.kill();
    assertTrue(ctx.timers.isEmpty(), "a killed leader keeps heartbeating");
  }

  @Test
  void aDeposedLeaderStillCampaigns() {
    // A leader deposed by a newer term it refuses to vote for has no election timer left from
    // its reign; it must arm one, or a cluster whose only up-to-date server it is never elects
    // (6.5840: a leader within 5 s whenever a majority can talk).
    Cluster c = new Cluster(19, 3, RaftTiming.DEFAULT);
    int l = c.awaitLeader();
    int f1 = (l + 1) % 3;
    int f2 = (l + 2) % 3;
    c.sim.network().isolate(c.ids.get(f2));
    int index = c.peer(l).start("x").index();
    assertTrue(
        c.sim.runUntil(() -> c.applied.get(l).size() >= index, Duration.ofSeconds(2)),
        "x commits on the leader and f1");
    c.sim.crash(c.ids.get(f1));
    c.sim.runFor(Duration.ofSeconds(1)); // f2, cut off, campaigns into newer terms
    int term = c.peer(l).currentTerm();
    assertTrue(c.peer(f2).currentTerm() > term, "the isolated follower campaigned");
    c.sim.network().healAll();
    assertTrue(
        c.sim.runUntil(() -> c.peer(l).currentTerm() > term && c.leader() >= 0, LAB_ELECTION_LIMIT),
        "no leader within 5 s although two of three servers talk");
    assertEquals(l, c.leader(), "only the old leader holds x, so only it can win");
  }
}
