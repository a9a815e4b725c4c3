package simlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("core")
class NetworkClogTest {
  private static final long MS = 1_000_000L;

  record Req(int n) implements Rpc<Rep> {}

  record Rep(int n) {}

  /** A server that records when and in which order requests reach its handler. */
  static final class Server {
    final List<Integer> order = new ArrayList<>();
    final List<Long> at = new ArrayList<>();

    Server(NodeContext ctx) {
      ctx.handle(
          Req.class,
          r -> {
            order.add(r.n());
            at.add(ctx.nowNanos());
            return new Rep(r.n());
          });
    }
  }

  @Test
  void requestsToACloggedNodeAreHeldThenDeliveredInOrder() {
    Simulation sim = new Simulation(1);
    Server server = sim.addNode("s", Server::new);
    NodeContext client = sim.addNode("c", ctx -> ctx);
    sim.network().setClogged("s", true);
    List<Optional<Rep>> replies = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      client.call("s", new Req(i), replies::add);
      sim.runFor(Duration.ofMillis(1));
    }
    sim.runFor(Duration.ofMillis(500));
    assertEquals(List.of(), server.order, "no handler runs while clogged");
    assertEquals(List.of(), replies, "no reply and no 'no reply' while clogged");
    assertEquals(5, sim.network().heldCount());
    long unclogAt = sim.nowNanos();
    sim.network().setClogged("s", false);
    sim.runFor(Duration.ofMillis(10));
    assertEquals(
        List.of(0, 1, 2, 3, 4), server.order, "held requests arrive in the order they were held");
    for (long t : server.at) {
      assertEquals(unclogAt + NetworkConfig.BASE_LATENCY.toNanos(), t, "one hop after the unclog");
    }
    assertEquals(5, replies.stream().filter(Optional::isPresent).count(), "nothing is lost");
    assertEquals(0, sim.network().heldCount());
  }

  @Test
  void repliesToACloggedCallerAreHeldAndOtherTrafficFlows() {
    Simulation sim = new Simulation(2);
    sim.addNode("s", Server::new);
    NodeContext a = sim.addNode("a", ctx -> ctx);
    NodeContext b = sim.addNode("b", ctx -> ctx);
    List<Long> aDone = new ArrayList<>();
    List<Long> bDone = new ArrayList<>();
    a.call("s", new Req(1), r -> aDone.add(sim.nowNanos()));
    // clog the caller after its request left: the server handles it, the reply is held
    sim.network().setClogged("a", true);
    b.call("s", new Req(2), r -> bDone.add(sim.nowNanos()));
    sim.runFor(Duration.ofMillis(300));
    assertEquals(List.of(), aDone);
    assertEquals(1, bDone.size(), "an unclogged caller is not affected");
    assertTrue(bDone.get(0) < MS);
    sim.network().setClogged("a", false);
    sim.runFor(Duration.ofMillis(1));
    assertEquals(1, aDone.size());
    assertTrue(sim.network().clogged("x") == false);
  }

  @Test
  void aMessageBetweenTwoCloggedNodesWaitsForBoth() {
    Simulation sim = new Simulation(3);
    Server server = sim.addNode("s", Server::new);
    NodeContext c = sim.addNode("c", ctx -> ctx);
    sim.network().setClogged("s", true);
    sim.network().setClogged("c", true);
    c.call("s", new Req(7), r -> {});
    sim.runFor(Duration.ofMillis(50));
    sim.network().setClogged("s", false);
    sim.runFor(Duration.ofMillis(50));
    assertEquals(List.of(), server.order, "still held: the sender is clogged");
    sim.network().setClogged("c", false);
    sim.runFor(Duration.ofMillis(1));
    assertEquals(List.of(7), server.order);
  }

  @Test
  void clogsAreInTheTraceAndDeterministic() {
    String h1 = scenario(9);
    assertEquals(h1, scenario(9));
    Simulation plain = new Simulation(9);
    assertTrue(!h1.equals(PingNode.chaosScenario(plain)), "the clog changes the trace");
  }

  private static String scenario(long seed) {
    Simulation sim = new Simulation(seed);
    sim.schedule(Duration.ofMillis(300), () -> sim.network().setClogged("p1", true));
    sim.schedule(Duration.ofMillis(900), () -> sim.network().setClogged("p1", false));
    return PingNode.chaosScenario(sim);
  }
}
