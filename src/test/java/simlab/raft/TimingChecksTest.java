package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.sim.Simulation;

/**
 * The reference timing against the facts that fix it: 6.5840's handout (at most 10 heartbeats per
 * second; a new leader within 5 s; the tests wait {@code RaftElectionTimeout} = 1000 ms for an
 * election) and the Raft paper (broadcastTime ≪ electionTimeout; Figure 16's heartbeat is half the
 * minimum election timeout), plus the exact arithmetic of the timeout draw and the refusals of
 * settings that cannot work.
 */
class TimingChecksTest {
  private static final Duration LAB_ELECTION_TIMEOUT = Duration.ofMillis(1000);

  private static Duration ms(long n) {
    return Duration.ofMillis(n);
  }

  @Test
  void theGradedTimingMeetsTheLabsBounds() {
    RaftTiming t = RaftTiming.DEFAULT;
    assertTrue(t.heartbeat().compareTo(ms(100)) >= 0, "at most 10 heartbeats per second");
    assertTrue(
        t.electionMin().compareTo(t.heartbeat().multipliedBy(3)) >= 0,
        "broadcastTime << electionTimeout: three heartbeats fit in the shortest timeout");
    assertTrue(
        t.electionMax().compareTo(LAB_ELECTION_TIMEOUT) < 0,
        "every follower times out within the 1 s the tests allow for an election");
    assertTrue(
        t.electionMax().minus(t.electionMin()).compareTo(t.heartbeat()) >= 0,
        "a spread wider than a broadcast, so split votes are rare");
    assertFalse(t.preVote(), "6.5840's Raft has no Pre-Vote");
  }

  @Test
  void theDrawCoversExactlyTheRangeInSteps() {
    RaftTiming t = RaftTiming.DEFAULT;
    assertEquals(300, t.spreadSteps(), "[300, 600) ms in whole milliseconds");
    assertEquals(ms(300), t.electionTimeout(0));
    assertEquals(ms(437), t.electionTimeout(137));
    assertEquals(ms(599), t.electionTimeout(t.spreadSteps() - 1), "the longest draw");
    RaftTiming fine = new RaftTiming(ms(150), ms(151), ms(75), Duration.ofNanos(1_000), false);
    assertEquals(1_000, fine.spreadSteps(), "150-151 ms drawn in microseconds");
    assertEquals(Duration.ofNanos(150_250_000), fine.electionTimeout(250));
  }

  @Test
  void figure16HeartbeatsAtHalfTheMinimumAndDrawsInMicroseconds() {
    RaftTiming t = RaftTiming.figure16(150, 300, true);
    assertEquals(ms(150), t.electionMin());
    assertEquals(ms(300), t.electionMax());
    assertEquals(ms(75), t.heartbeat(), "the paper's heartbeat is half the minimum timeout");
    assertEquals(Duration.ofNanos(1_000), t.resolution());
    assertTrue(t.preVote());
    assertEquals(150_000, t.spreadSteps());
    assertEquals(ms(12).dividedBy(2), RaftTiming.figure16(12, 24, false).heartbeat());
  }

  @Test
  void withPreVoteChangesOnlyPreVote() {
    RaftTiming on = RaftTiming.DEFAULT.withPreVote(true);
    assertEquals(
        new RaftTiming(ms(300), ms(600), ms(100), ms(1), true), on, "everything else is kept");
    assertEquals(RaftTiming.DEFAULT, on.withPreVote(false));
  }

  @Test
  void settingsThatCannotWorkAreRefused() {
    Duration one = ms(1);
    assertThrows(
        IllegalArgumentException.class, () -> new RaftTiming(ms(0), ms(600), ms(100), one, false));
    assertThrows(
        IllegalArgumentException.class, () -> new RaftTiming(ms(-5), ms(600), ms(100), one, false));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RaftTiming(ms(300), ms(299), ms(100), one, false));
    assertThrows(
        IllegalArgumentException.class, () -> new RaftTiming(ms(300), ms(600), ms(0), one, false));
    assertThrows(
        IllegalArgumentException.class, () -> new RaftTiming(ms(300), ms(600), ms(-1), one, false));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RaftTiming(ms(300), ms(600), ms(100), ms(0), false));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RaftTiming(ms(300), ms(600), ms(100), ms(-1), false));
    assertDoesNotThrow(
        () -> new RaftTiming(ms(150), ms(150), ms(75), one, false), "Figure 16's 150-150 ms");
  }

  @Test
  void aTimeoutWithNoSpreadFiresAtExactlyTheMinimum() {
    // Figure 16's "150-150 ms" line: no randomness at all. A single peer campaigns when its
    // timer fires and wins at once, so the election time is the timeout itself.
    RaftTiming fixed = new RaftTiming(ms(150), ms(150), ms(75), ms(1), false);
    Simulation sim = new Simulation(1);
    List<String> ids = List.of("r0");
    sim.addNode("r0", ids, ctx -> new ReferenceRaftFactory(fixed).make(ctx, ids, 0, msg -> {}));
    Raft peer = sim.node("r0");
    assertTrue(sim.runUntil(() -> peer.getState().isLeader(), ms(1000)), "no election");
    assertEquals(ms(150), sim.now());
  }
}
