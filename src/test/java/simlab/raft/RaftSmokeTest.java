package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import simlab.sim.Simulation;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/** Small end-to-end runs of three reference peers on the simulator. */
class RaftSmokeTest {
  private static final Duration FIVE_S = Duration.ofSeconds(5);

  @SimTest
  void aLeaderIsElected(Seed seed) {
    MiniCluster c = new MiniCluster(seed.newSimulation(), 3, 0);
    assertTrue(c.runUntil(() -> c.leader() >= 0, FIVE_S), "no leader within 5 s");
    int term = c.raft(c.leader()).getState().term();
    c.sim.runFor(Duration.ofSeconds(2));
    assertEquals(term, c.raft(c.leader()).getState().term(), "a quiet cluster keeps its leader");
    int leaders = 0;
    for (int i = 0; i < 3; i++) {
      leaders += c.raft(i).getState().isLeader() ? 1 : 0;
      assertEquals(term, c.raft(i).getState().term());
    }
    assertEquals(1, leaders);
  }

  @SimTest
  void commandsCommitOnAllPeers(Seed seed) {
    MiniCluster c = new MiniCluster(seed.newSimulation(), 3, 0);
    for (int k = 1; k <= 5; k++) {
      assertEquals(k, c.startOnLeader(100 + k));
    }
    assertTrue(c.runUntil(() -> c.appliedCount(5) == 3, FIVE_S), "not applied on all 3");
    assertEquals(105, c.committed.get(5));
    assertTrue(c.errors.isEmpty(), c.errors.toString());
  }

  @SimTest
  void leaderCrashElectsNewLeaderWithinFiveSeconds(Seed seed) {
    MiniCluster c = new MiniCluster(seed.newSimulation(), 3, 0);
    assertEquals(1, c.startOnLeader("a"));
    assertTrue(c.runUntil(() -> c.appliedCount(1) == 3, FIVE_S));
    int old = c.leader();
    int oldTerm = c.raft(old).getState().term();
    c.sim.crash(c.ids.get(old));
    assertTrue(c.runUntil(() -> c.leader() >= 0, FIVE_S), "no new leader within 5 s");
    assertNotEquals(old, c.leader());
    assertTrue(c.raft(c.leader()).getState().term() > oldTerm);
    assertEquals(2, c.startOnLeader("b"));
    assertTrue(c.runUntil(() -> c.appliedCount(2) == 2, FIVE_S));
    c.sim.restart(c.ids.get(old));
    assertTrue(c.runUntil(() -> c.appliedCount(2) == 3, FIVE_S), "restarted peer did not catch up");
    assertTrue(c.errors.isEmpty(), c.errors.toString());
  }

  @SimTest
  void restartOfAllPeersRecoversTheLog(Seed seed) {
    Simulation sim = seed.newSimulation();
    MiniCluster c = new MiniCluster(sim, 3, 0);
    for (int k = 1; k <= 3; k++) {
      c.startOnLeader(k);
    }
    assertTrue(c.runUntil(() -> c.appliedCount(3) == 3, FIVE_S));
    for (String id : c.ids) {
      sim.crash(id);
    }
    for (String id : c.ids) {
      sim.restart(id);
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(3, ((RaftIntrospection) c.raft(i)).lastIndex(), "log lost on r" + i);
      c.applied[i] = 0; // restarted services re-apply from scratch (no snapshots here)
    }
    assertEquals(4, c.startOnLeader(4));
    assertTrue(c.runUntil(() -> c.appliedCount(4) == 3, FIVE_S));
    assertTrue(c.errors.isEmpty(), c.errors.toString());
  }

  @SimTest
  void laggingFollowerCatchesUpThroughInstallSnapshot(Seed seed) {
    Simulation sim = seed.newSimulation();
    MiniCluster c = new MiniCluster(sim, 3, 10);
    assertEquals(1, c.startOnLeader(1));
    assertTrue(c.runUntil(() -> c.appliedCount(1) == 3, FIVE_S));
    int lagger = (c.leader() + 1) % 3;
    sim.network().isolate(c.ids.get(lagger));
    for (int k = 2; k <= 35; k++) {
      c.startOnLeader(k);
      int idx = k;
      assertTrue(
          c.runUntil(() -> c.appliedCount(idx) >= 2, FIVE_S), "index " + k + " not committed");
    }
    RaftIntrospection lead = (RaftIntrospection) c.raft(c.leader());
    assertTrue(lead.snapshotIndex() >= 30, "leader compacted to " + lead.snapshotIndex());
    for (int i = 0; i < 3; i++) {
      if (i != lagger) {
        assertTrue(c.raft(i).persistedSize() < 2000, "persisted " + c.raft(i).persistedSize());
      }
    }
    sim.network().healAll();
    assertTrue(
        c.runUntil(() -> c.appliedCount(35) == 3, FIVE_S), "lagging follower did not catch up");
    assertEquals(1, c.snapshotsReceived[lagger], "the lagging follower installed one snapshot");
    assertTrue(((RaftIntrospection) c.raft(lagger)).snapshotIndex() >= 30);
    assertTrue(c.errors.isEmpty(), c.errors.toString());
  }
}
