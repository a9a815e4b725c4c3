package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import simlab.harness.RaftCluster;
import simlab.sim.Simulation;

/** Pre-Vote (Raft thesis §9.6) as an option of the reference Raft. */
class PreVoteTest {
  /**
   * A follower cut off for 3 s rejoins; returns {term before, term after, leader before, leader
   * after}.
   */
  private static int[] rejoin(boolean preVote, long seed) {
    Simulation sim = new Simulation(seed);
    RaftCluster c =
        new RaftCluster(
            sim, 3, true, false, new ReferenceRaftFactory(RaftTiming.DEFAULT.withPreVote(preVote)));
    int leader = c.checkOneLeader();
    int term = c.raft(leader).getState().term();
    int other = (leader + 1) % 3;
    c.disconnect(other);
    sim.runFor(Duration.ofSeconds(3));
    c.connect(other);
    sim.runFor(Duration.ofSeconds(2));
    int after = c.checkOneLeader();
    return new int[] {term, c.raft(after).getState().term(), leader, after};
  }

  @Test
  void aRejoiningFollowerDoesNotDisruptTheLeaderWithPreVote() {
    for (long seed = 1; seed <= 5; seed++) {
      int[] r = rejoin(true, seed);
      assertEquals(r[0], r[1], "seed " + seed + ": the term moved although the leader was fine");
      assertEquals(r[2], r[3], "seed " + seed + ": the leader changed");
    }
  }

  @Test
  void withoutPreVoteTheSameRejoinBumpsTheTerm() {
    for (long seed = 1; seed <= 5; seed++) {
      int[] r = rejoin(false, seed);
      assertTrue(
          r[1] > r[0],
          "seed " + seed + ": expected the isolated follower's higher term to win out");
    }
  }

  @Test
  void aClusterWithPreVoteElectsAndReplacesACrashedLeader() {
    Simulation sim = new Simulation(4);
    RaftCluster c =
        new RaftCluster(
            sim, 5, true, false, new ReferenceRaftFactory(RaftTiming.DEFAULT.withPreVote(true)));
    int leader = c.checkOneLeader();
    c.one(101, 5, true);
    c.crash1(leader);
    int next = c.checkOneLeader();
    assertTrue(next != leader);
    c.one(102, 4, true);
  }

  @Test
  void theDefaultTimingIsTheGradedOne() {
    assertEquals(Duration.ofMillis(100), RaftTiming.DEFAULT.heartbeat());
    assertEquals(300, RaftTiming.DEFAULT.spreadSteps());
    assertEquals(5000, RaftTiming.figure16(150, 155, false).spreadSteps()); // microseconds
    assertEquals(Duration.ofMillis(75), RaftTiming.figure16(150, 155, false).heartbeat());
  }
}
