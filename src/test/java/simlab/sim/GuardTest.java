package simlab.sim;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("core")
class GuardTest {

  @Test
  void aThrowingNodeFailsTheRunNamingNodeEventTimeAndSeed() {
    Simulation sim = new Simulation(77);
    sim.addNode(
        "server",
        ctx -> {
          ctx.handle(
              PingNode.Ping.class,
              p -> {
                throw new IllegalStateException("boom");
              });
          return ctx;
        });
    PingNode client = sim.addNode("client", ctx -> new PingNode(ctx, false));
    sim.runFor(Duration.ofMillis(5));
    client.send("server");
    SimulationFailure f =
        assertThrows(SimulationFailure.class, () -> sim.runFor(Duration.ofSeconds(1)));
    String m = f.getMessage();
    assertTrue(m.contains("node server"), m);
    assertTrue(m.contains("boom"), m);
    assertTrue(m.contains("handling Ping from client"), m);
    assertTrue(m.contains("seed 77"), m);
    assertTrue(m.contains("0.005100s"), m);
  }

  @Test
  void aThrowingNodesMessageCarriesItsOwnFramesFirst() {
    Simulation sim = new Simulation(81);
    sim.addNode(
        "student",
        ctx -> {
          ctx.schedule(Duration.ofMillis(2), () -> studentHelper(null));
          return ctx;
        });
    SimulationFailure f =
        assertThrows(SimulationFailure.class, () -> sim.runFor(Duration.ofSeconds(1)));
    java.util.List<String> lines = f.getMessage().lines().toList();
    assertTrue(
        lines.get(0).startsWith("node student threw java.lang.NullPointerException"), lines.get(0));
    assertTrue(lines.get(1).startsWith("  java.lang.NullPointerException"), lines.get(1));
    // The student's frames first: the helper, then the timer lambda; the simulator's
    // dispatch (runAs, the event loop) and JUnit below it are cut.
    assertTrue(
        lines.get(2).startsWith("      at simlab.sim.GuardTest.studentHelper(GuardTest.java:"),
        lines.get(2));
    assertTrue(lines.get(3).contains("GuardTest.lambda$"), lines.get(3));
    assertTrue(
        lines.stream().noneMatch(l -> l.contains("Simulation.runAs") || l.contains("org.junit")),
        f.getMessage());
    assertTrue(lines.size() <= 2 + NodeStackTrace.MAX_FRAMES + 1, f.getMessage());
  }

  private static int studentHelper(String s) {
    return s.length();
  }

  @Test
  void deepRecursionIsCutToAFixedNumberOfFrames() {
    Simulation sim = new Simulation(82);
    sim.addNode(
        "recursive",
        ctx -> {
          ctx.schedule(Duration.ofMillis(1), () -> recurse(0));
          return ctx;
        });
    SimulationFailure f =
        assertThrows(SimulationFailure.class, () -> sim.runFor(Duration.ofSeconds(1)));
    String m = f.getMessage();
    assertTrue(
        m.contains("java.lang.StackOverflowError"), m.substring(0, Math.min(300, m.length())));
    assertTrue(m.contains("more frames"), m);
    assertTrue(m.lines().count() <= 2 + NodeStackTrace.MAX_FRAMES + 1, m);
  }

  private static int recurse(int n) {
    return recurse(n + 1) + 1;
  }

  @Test
  void aZeroDelayTimerLoopIsReportedAsLivelock() {
    Simulation sim = new Simulation(78);
    sim.addNode(
        "spinner",
        ctx -> {
          Runnable[] loop = new Runnable[1];
          loop[0] = () -> ctx.defer(loop[0]);
          ctx.schedule(Duration.ofMillis(3), loop[0]);
          return ctx;
        });
    SimulationFailure f =
        assertThrows(SimulationFailure.class, () -> sim.runFor(Duration.ofSeconds(1)));
    String m = f.getMessage();
    assertTrue(m.contains("virtual time is not advancing"), m);
    assertTrue(m.contains("spinner"), m);
    assertTrue(m.contains("seed 78"), m);
  }

  @Test
  void aFailingNodeConstructorIsNamed() {
    Simulation sim = new Simulation(79);
    SimulationFailure f =
        assertThrows(
            SimulationFailure.class,
            () ->
                sim.addNode(
                    "broken",
                    ctx -> {
                      throw new IllegalArgumentException("bad config");
                    }));
    assertTrue(f.getMessage().contains("node broken threw"), f.getMessage());
    assertTrue(f.getMessage().contains("while start"), f.getMessage());
  }

  @Test
  void runUntilStopsAtTheConditionAndAwaitTimesOut() {
    Simulation sim = new Simulation(80);
    SimFuture<String> f = new SimFuture<>();
    sim.schedule(Duration.ofMillis(30), () -> f.complete("done"));
    assertTrue(sim.await(f, Duration.ofMillis(10)).isEmpty());
    assertEquals(Duration.ofMillis(10), sim.now());
    assertEquals("done", sim.await(f, Duration.ofSeconds(1)).orElseThrow());
    assertEquals(Duration.ofMillis(30), sim.now());
  }
}
