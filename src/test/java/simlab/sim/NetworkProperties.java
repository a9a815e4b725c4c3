package simlab.sim;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import simlab.testing.property.Gen;
import simlab.testing.property.Property;
import simlab.testing.property.PropertyContext;
import simlab.testing.property.PropertyTest;

/** Invariants of the network that must hold for every seed and every fault setting. */
class NetworkProperties {

  /** A simulation seed and a fault setting. */
  record Faults(
      long seed, boolean reliable, boolean longReordering, boolean longDelays, int crashes) {}

  static Gen<Faults> faults() {
    Gen<Long> seeds = Gen.longs(0, 1_000_000);
    Gen<Boolean> coin = Gen.booleans();
    Gen<Integer> crashes = Gen.ints(0, 5);
    return s ->
        new Faults(s.draw(seeds), s.draw(coin), s.draw(coin), s.draw(coin), s.draw(crashes));
  }

  @PropertyTest
  Stream<DynamicTest> everyCallOfALiveCallerCompletesExactlyOnce(PropertyContext context) {
    // Each case is a whole simulation, so shrinking gets a smaller budget than the default.
    return context.run(
        Property.forAll(faults())
            .cases(60)
            .shrinkSteps(500)
            .check(NetworkProperties::callsCompleteExactlyOnce));
  }

  static void callsCompleteExactlyOnce(Faults f) {
    long seed = f.seed();
    boolean reliable = f.reliable();
    int crashes = f.crashes();
    Simulation sim = new Simulation(seed);
    sim.network().setReliable(reliable);
    sim.network().setLongReordering(f.longReordering());
    sim.network().setLongDelays(f.longDelays());
    List<String> servers = List.of("s0", "s1", "s2");
    for (String s : servers) {
      sim.addNode(s, ctx -> new PingNode(ctx, false));
    }
    PingNode client = sim.addNode("client", ctx -> new PingNode(ctx, false));
    var driver = sim.random("driver");
    List<Long> completionTimes = new ArrayList<>();
    int calls = 200;
    for (int i = 0; i < calls; i++) {
      String to = servers.get(driver.nextInt(servers.size()));
      client.send(to);
      if (i % 40 == 0 && crashes > 0) {
        String victim = servers.get(driver.nextInt(servers.size()));
        if (sim.isAlive(victim)) {
          sim.crash(victim);
        } else {
          sim.restart(victim);
        }
      }
      if (i == 100) {
        sim.network().isolate("s1");
      }
      sim.runFor(Duration.ofMillis(1 + driver.nextInt(10)));
      completionTimes.add(sim.nowNanos());
    }
    sim.runFor(Duration.ofSeconds(10));
    assertEquals(calls, client.replies.size(), "each call's callback must run exactly once");
    long answered = client.replies.stream().filter(java.util.Optional::isPresent).count();
    long handled = servers.stream().mapToLong(sim.network()::rpcCount).sum();
    assertTrue(
        answered <= handled,
        "more replies (" + answered + ") than handled requests (" + handled + ")");
    if (reliable && crashes == 0) {
      assertTrue(
          answered >= 100, "a reliable network with no crashes lost replies to connected servers");
    }
  }
}
