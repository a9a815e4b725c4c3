package simlab.sim;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the network that must hold for every seed and every fault setting. */
class NetworkProperties {

  @Property(tries = 60)
  void everyCallOfALiveCallerCompletesExactlyOnce(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll boolean reliable, @ForAll boolean longReordering, @ForAll boolean longDelays,
      @ForAll @IntRange(min = 0, max = 5) int crashes) {
    Simulation sim = new Simulation(seed);
    sim.network().setReliable(reliable);
    sim.network().setLongReordering(longReordering);
    sim.network().setLongDelays(longDelays);
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
    assertTrue(answered <= handled, "more replies (" + answered + ") than handled requests (" + handled + ")");
    if (reliable && crashes == 0) {
      assertTrue(answered >= 100, "a reliable network with no crashes lost replies to connected servers");
    }
  }
}
