package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import simlab.sim.Simulation;

/**
 * ReadIndex through the reference driver ({@link ReadIndexRaft#readIndex}), in a tiny seeded
 * simulation with the real-network options: {@code onResult} runs exactly once — with the leader's
 * commit index once it is confirmed, empty on a follower, on a killed peer, with the option off,
 * and for every read still pending when the peer is killed (in the order they were asked, whatever
 * the layout of the driver's table of pending reads). ReadIndexTest checks the core's side.
 */
class ReadIndexDriverChecksTest {
  private static final class Cluster {
    final Simulation sim = new Simulation(21);
    final List<String> ids = List.of("r0", "r1", "r2");
    final List<List<ApplyMsg>> applied =
        List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());

    Cluster(RaftOptions options) {
      for (int i = 0; i < 3; i++) {
        int me = i;
        sim.addNode(
            ids.get(i),
            ids,
            ctx ->
                new ReferenceRaftFactory(RaftTiming.DEFAULT, options)
                    .make(ctx, ids, me, applied.get(me)::add));
      }
    }

    ReadIndexRaft peer(int i) {
      return sim.node(ids.get(i));
    }

    /** The leader, once it has committed an entry of its term (so it may answer reads). */
    int readyLeader() {
      assertTrue(
          sim.runUntil(
              () -> ids.stream().anyMatch(id -> sim.<Raft>node(id).getState().isLeader()),
              Duration.ofSeconds(5)));
      int l = 0;
      while (!peer(l).getState().isLeader()) {
        l++;
      }
      int index = peer(l).start("w").index();
      int leader = l;
      assertTrue(
          sim.runUntil(() -> applied.get(leader).size() >= index, Duration.ofSeconds(2)),
          "the leader's first entry commits");
      return l;
    }
  }

  /** Collects answers; each read must be answered exactly once. */
  private static final class Answers {
    final List<String> log = new ArrayList<>();

    java.util.function.Consumer<OptionalInt> read(String name) {
      return r -> log.add(name + "=" + (r.isPresent() ? r.getAsInt() : "refused"));
    }
  }

  @Test
  void theLeaderAnswersWithItsCommitIndexAndAFollowerRefuses() {
    Cluster c = new Cluster(RaftOptions.REAL_NETWORK);
    int l = c.readyLeader();
    ReferenceRaft leader = c.sim.node(c.ids.get(l));
    assertTrue(leader.readIndexEnabled());
    Answers a = new Answers();
    leader.readIndex(a.read("leader"));
    c.peer((l + 1) % 3).readIndex(a.read("follower"));
    c.sim.runFor(Duration.ofSeconds(1));
    assertEquals(List.of("follower=refused", "leader=" + leader.commitIndex()), a.log);
    assertEquals(1, leader.commitIndex());
  }

  @Test
  void withTheOptionOffEveryReadIsRefusedAtOnce() {
    Cluster c = new Cluster(RaftOptions.DEFAULT);
    int l = c.readyLeader();
    assertFalse(c.peer(l).readIndexEnabled());
    Answers a = new Answers();
    c.peer(l).readIndex(a.read("r"));
    assertEquals(List.of("r=refused"), a.log, "answered before readIndex returns");
  }

  @Test
  void aKilledPeerRefusesNewReadsAndEveryPendingOneInOrder() {
    Cluster c = new Cluster(RaftOptions.REAL_NETWORK);
    int l = c.readyLeader();
    ReadIndexRaft leader = c.peer(l);
    Answers a = new Answers();
    // Thirteen reads answered first, so the pending ones' tokens (14..17) straddle the first
    // resize boundary of a small hash table: the refusals must still come in request order.
    for (int i = 1; i <= 13; i++) {
      leader.readIndex(a.read("done" + i));
      c.sim.runFor(Duration.ofMillis(200));
    }
    assertEquals(13, a.log.size(), "every early read answered: " + a.log);
    a.log.clear();
    for (int i = 14; i <= 17; i++) {
      leader.readIndex(a.read("p" + i));
    }
    assertTrue(a.log.isEmpty(), "a leader answers only after its probe round: " + a.log);
    leader.kill();
    assertEquals(List.of("p14=refused", "p15=refused", "p16=refused", "p17=refused"), a.log);
    leader.readIndex(a.read("late"));
    assertEquals("late=refused", a.log.get(4), "a killed peer refuses at once");
    c.sim.runFor(Duration.ofSeconds(1));
    assertEquals(5, a.log.size(), "a read answered twice: " + a.log);
  }
}
