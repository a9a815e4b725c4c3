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
    sim.addNode("server", ctx -> {
      ctx.handle(PingNode.Ping.class, p -> {
        throw new IllegalStateException("boom");
      });
      return ctx;
    });
    PingNode client = sim.addNode("client", ctx -> new PingNode(ctx, false));
    sim.runFor(Duration.ofMillis(5));
    client.send("server");
    SimulationFailure f = assertThrows(SimulationFailure.class, () -> sim.runFor(Duration.ofSeconds(1)));
    String m = f.getMessage();
    assertTrue(m.contains("node server"), m);
    assertTrue(m.contains("boom"), m);
    assertTrue(m.contains("handling Ping from client"), m);
    assertTrue(m.contains("seed 77"), m);
    assertTrue(m.contains("0.005100s"), m);
  }

  @Test
  void aZeroDelayTimerLoopIsReportedAsLivelock() {
    Simulation sim = new Simulation(78);
    sim.addNode("spinner", ctx -> {
      Runnable[] loop = new Runnable[1];
      loop[0] = () -> ctx.defer(loop[0]);
      ctx.schedule(Duration.ofMillis(3), loop[0]);
      return ctx;
    });
    SimulationFailure f = assertThrows(SimulationFailure.class, () -> sim.runFor(Duration.ofSeconds(1)));
    String m = f.getMessage();
    assertTrue(m.contains("virtual time is not advancing"), m);
    assertTrue(m.contains("spinner"), m);
    assertTrue(m.contains("seed 78"), m);
  }

  @Test
  void aFailingNodeConstructorIsNamed() {
    Simulation sim = new Simulation(79);
    SimulationFailure f = assertThrows(SimulationFailure.class, () -> sim.addNode("broken", ctx -> {
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
