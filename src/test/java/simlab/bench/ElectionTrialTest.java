package simlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.raft.RaftTiming;
import simlab.sim.NetworkLatency;
import simlab.sim.SeedStreams;

/** The Figure 16 measurement on scenarios small enough to work out by hand. */
class ElectionTrialTest {
  private static final NetworkLatency FIVE_MS =
      NetworkLatency.ofMillis(NetworkLatency.Distribution.CONSTANT, 5);

  private static RaftTiming fixed(long electionMs, long heartbeatMs) {
    return new RaftTiming(
        Duration.ofMillis(electionMs),
        Duration.ofMillis(electionMs),
        Duration.ofMillis(heartbeatMs),
        Duration.ofMillis(1),
        false);
  }

  /**
   * Three servers, fixed timeouts 50 / 100 / 200 ms (so server 0 leads first), heartbeats every 25
   * ms, 5 ms one way. The leader crashes 10 ms after its synchronized heartbeat (sent at h, heard
   * at h+5). Server 1 times out at h+5+100, its RequestVote reaches server 2 at h+110, the grant
   * comes back at h+115, and its first heartbeat reaches server 2 at h+120: 110 ms after the crash
   * at h+10.
   */
  @Test
  void downtimeIsFromTheCrashToTheNewLeadersFirstHeartbeat() {
    RaftTiming[] t = {fixed(50, 25), fixed(100, 25), fixed(200, 25)};
    ElectionTrial.Setup s = new ElectionTrial.Setup(3, i -> t[i], FIVE_MS, false, 0, 10_000);
    ElectionTrial.Outcome o = ElectionTrial.run(1, s, 0.4, new SeedStreams(1).stream("x"));
    assertFalse(o.censored());
    assertEquals(0, o.oldLeader());
    assertEquals(1, o.newLeader());
    assertEquals(110.0, o.ms(), 1e-9);
  }

  @Test
  void theCrashPointMovesTheDowntimeOneForOne() {
    RaftTiming[] t = {fixed(50, 25), fixed(100, 25), fixed(200, 25)};
    ElectionTrial.Setup s = new ElectionTrial.Setup(3, i -> t[i], FIVE_MS, false, 0, 10_000);
    // crashing 20 ms after the heartbeat instead of 10: the election runs as before
    assertEquals(100.0, ElectionTrial.run(1, s, 0.8, new SeedStreams(1).stream("x")).ms(), 1e-9);
  }

  @Test
  void equalTimeoutsWithoutJitterNeverElectAndAreCensoredAtTheCap() {
    // 150-150 with a constant latency: every survivor times out at the same instant, forever
    // (server 0, with a shorter timeout, wins the first election so that there is a leader to
    // crash)
    ElectionTrial.Setup s =
        new ElectionTrial.Setup(
            5,
            i -> i == 0 ? fixed(100, 75) : RaftTiming.figure16(150, 150, false),
            FIVE_MS,
            false,
            0,
            3_000);
    ElectionTrial.Outcome o = ElectionTrial.run(3, s, 0.5, new SeedStreams(3).stream("x"));
    assertTrue(o.censored());
    assertEquals(3000.0, o.ms(), 1e-9);
  }

  @Test
  void laggingFollowersNeverWin() {
    ElectionTrial.Setup s =
        ElectionBench.setup(
            new ElectionLine("top", 150, 300),
            new ElectionBench.Options(1, 1, false, false, 1, ElectionBench.LATENCY));
    for (long seed = 1; seed <= 20; seed++) {
      ElectionTrial.Outcome o = ElectionTrial.run(seed, s, 0.5, new SeedStreams(seed).stream("x"));
      assertFalse(o.censored());
      assertFalse(o.unstable());
      assertEquals(2, o.lagging().size());
      assertFalse(
          o.lagging().contains(o.newLeader()),
          "seed " + seed + ": lagging " + o.lagging() + " won");
      assertNotEquals(o.oldLeader(), o.newLeader());
      assertTrue(o.ms() > 0);
    }
  }

  @Test
  void linesAndTheirSelection() {
    assertEquals(11, ElectionLine.paper().size());
    assertEquals(
        List.of("150-300", "150-300"),
        ElectionLine.select("150-300").stream().map(ElectionLine::label).toList());
    assertEquals("median 287 ms", ElectionLine.select("150-155").get(0).paperSays());
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> ElectionLine.select("150-999"));
    assertTrue(e.getMessage().startsWith("--lines: unknown line '150-999'"), e.getMessage());
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() throws InterruptedException {
    List<ElectionLine> lines = ElectionLine.select("12-24");
    List<ElectionResult> one =
        ElectionBench.run(
            lines, new ElectionBench.Options(5, 30, false, false, 1, ElectionBench.LATENCY));
    List<ElectionResult> two =
        ElectionBench.run(
            lines, new ElectionBench.Options(5, 30, false, false, 2, ElectionBench.LATENCY));
    assertEquals(one.get(0).summary(), two.get(0).summary());
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        one.get(0).sortedMs(), two.get(0).sortedMs());
  }

  @Test
  void cdfIsAPngWithTwoPanels(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    List<ElectionResult> r =
        ElectionBench.run(
            ElectionLine.select("12-24,150-155"),
            new ElectionBench.Options(2, 10, false, false, 2, ElectionBench.LATENCY));
    ElectionChart.write(tmp.resolve("cdf.png"), r, "");
    java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(tmp.resolve("cdf.png").toFile());
    assertEquals(ElectionChart.WIDTH, img.getWidth());
    assertEquals(2 * ElectionChart.PANEL_HEIGHT, img.getHeight());
  }
}
