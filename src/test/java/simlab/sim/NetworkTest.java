package simlab.sim;

import static org.junit.jupiter.api.Assertions.*;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import simlab.testing.Seed;
import simlab.testing.SimTest;

@Tag("core")
class NetworkTest {
  private static final long MS = 1_000_000L;

  /** A request that records when it was handled. */
  record Stamp(int n) implements Rpc<Stamped> {}

  record Stamped(int n, long handledAt) {}

  record Blob(byte[] data, ImmutableList<String> tags) implements Rpc<Blob> {}

  record Bad(List<String> items) implements Rpc<Stamped> {}

  static final class Recorder {
    final NodeContext ctx;
    final List<Long> handledAt = new ArrayList<>();

    Recorder(NodeContext ctx) {
      this.ctx = ctx;
      ctx.handle(
          Stamp.class,
          s -> {
            handledAt.add(ctx.nowNanos());
            return new Stamped(s.n(), ctx.nowNanos());
          });
      ctx.handle(Blob.class, b -> b);
    }
  }

  /** Outcome of one call as seen by the caller. */
  record Outcome(int n, long sentAt, long doneAt, Optional<Stamped> reply) {}

  private static List<Outcome> fire(
      Simulation sim, NodeContext client, String to, int count, Duration gap) {
    List<Outcome> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = i;
      long sent = sim.nowNanos();
      client.call(to, new Stamp(n), r -> out.add(new Outcome(n, sent, sim.nowNanos(), r)));
      sim.runFor(gap);
    }
    sim.runFor(Duration.ofSeconds(10));
    return out;
  }

  @SimTest(name = "TestUnreliableDropRates")
  void unreliableDropsAboutTenPercentOfRequestsAndReplies(Seed seed) {
    Simulation sim = seed.newSimulation();
    Recorder server = sim.addNode("server", Recorder::new);
    NodeContext client = sim.addNode("client", ctx -> ctx);
    sim.network().setReliable(false);
    int n = 20_000;
    List<Outcome> out = fire(sim, client, "server", n, Duration.ofMillis(1));
    assertEquals(n, out.size(), "every call must complete exactly once");
    double handled = server.handledAt.size() / (double) n;
    double ok = out.stream().filter(o -> o.reply().isPresent()).count() / (double) n;
    // 4.5 standard deviations of a binomial with n = 20000 is about 0.01.
    assertEquals(0.90, handled, 0.012, "share of requests that reached the handler");
    assertEquals(0.81, ok, 0.014, "share of calls with a reply (0.9 * 0.9)");
    assertEquals(n, sim.network().totalCount());
    assertEquals(server.handledAt.size(), sim.network().rpcCount("server"));
  }

  @SimTest(name = "TestDelayRanges")
  void delaysStayInsideTheLabrpcRanges(Seed seed) {
    Simulation sim = seed.newSimulation();
    sim.addNode("server", Recorder::new);
    NodeContext client = sim.addNode("client", ctx -> ctx);
    long base = NetworkConfig.BASE_LATENCY.toNanos();

    List<Outcome> reliable = fire(sim, client, "server", 200, Duration.ofMillis(1));
    for (Outcome o : reliable) {
      assertEquals(
          2 * base, o.doneAt() - o.sentAt(), "reliable round trip is exactly two base latencies");
      assertEquals(o.sentAt() + base, o.reply().orElseThrow().handledAt());
    }

    sim.network().setReliable(false);
    List<Outcome> unreliable = fire(sim, client, "server", 2000, Duration.ofMillis(1));
    long maxRequestDelay = 0;
    long minRequestDelay = Long.MAX_VALUE;
    for (Outcome o : unreliable) {
      if (o.reply().isPresent()) {
        long d = o.reply().get().handledAt() - o.sentAt() - base;
        maxRequestDelay = Math.max(maxRequestDelay, d);
        minRequestDelay = Math.min(minRequestDelay, d);
      }
    }
    assertTrue(maxRequestDelay <= 26 * MS, "request delay above 26 ms: " + maxRequestDelay);
    assertTrue(
        maxRequestDelay >= 24 * MS,
        "request delays never near the top of U{0..26}: " + maxRequestDelay);
    assertEquals(0, minRequestDelay, "request delays never 0 ms");
  }

  @SimTest(name = "TestDisconnectedCallsFail")
  void callsToDisconnectedOrDeadServersFailAfterShortOrLongDelay(Seed seed) {
    Simulation sim = seed.newSimulation();
    Recorder server = sim.addNode("server", Recorder::new);
    NodeContext client = sim.addNode("client", ctx -> ctx);
    sim.network().setLinkEnabled("client", "server", false);
    List<Outcome> shortFail = fire(sim, client, "server", 300, Duration.ofMillis(1));
    assertTrue(shortFail.stream().allMatch(o -> o.reply().isEmpty()));
    assertTrue(shortFail.stream().allMatch(o -> o.doneAt() - o.sentAt() < 100 * MS));
    assertTrue(server.handledAt.isEmpty(), "a disconnected server must not see requests");

    sim.network().setLongDelays(true);
    List<Outcome> longFail = fire(sim, client, "server", 300, Duration.ofMillis(1));
    long max = longFail.stream().mapToLong(o -> o.doneAt() - o.sentAt()).max().orElseThrow();
    assertTrue(
        max < 7000 * MS && max > 5000 * MS, "long delays should spread over [0, 7 s): max " + max);

    sim.network().setLinkEnabled("client", "server", true);
    sim.network().setLongDelays(false);
    sim.crash("server");
    List<Outcome> dead = fire(sim, client, "server", 50, Duration.ofMillis(1));
    assertTrue(dead.stream().allMatch(o -> o.reply().isEmpty()), "a dead server never answers");
  }

  @SimTest(name = "TestPartitionsIsolate")
  void partitionsIsolateGroupsAndHealRestores(Seed seed) {
    Simulation sim = seed.newSimulation();
    for (String id : List.of("a", "b", "c", "d")) {
      sim.addNode(id, ctx -> new PingNode(ctx, false));
    }
    sim.network().partition(List.of(List.of("a", "b"), List.of("c", "d")));
    PingNode a = sim.node("a");
    a.send("b");
    a.send("c");
    a.send("d");
    sim.runFor(Duration.ofSeconds(1));
    assertEquals(1, ((PingNode) sim.node("b")).handled);
    assertEquals(0, ((PingNode) sim.node("c")).handled);
    assertEquals(0, ((PingNode) sim.node("d")).handled);
    assertEquals(1, a.replies.stream().filter(Optional::isPresent).count());

    sim.network().healAll();
    a.send("c");
    sim.runFor(Duration.ofSeconds(1));
    assertEquals(1, ((PingNode) sim.node("c")).handled);
  }

  @SimTest(name = "TestLongReordering")
  void longReorderingReallyReordersReplies(Seed seed) {
    Simulation sim = seed.newSimulation();
    sim.addNode("server", Recorder::new);
    NodeContext client = sim.addNode("client", ctx -> ctx);
    sim.network().setLongReordering(true);
    List<Outcome> out = fire(sim, client, "server", 300, Duration.ofMillis(1));
    assertEquals(300, out.size());
    int inversions = 0;
    for (int i = 1; i < out.size(); i++) {
      if (out.get(i).n() < out.get(i - 1).n()) {
        inversions++;
      }
    }
    assertTrue(inversions > 50, "replies came back almost in order: " + inversions + " inversions");
    long delayed = out.stream().filter(o -> o.doneAt() - o.sentAt() >= 200 * MS).count();
    assertEquals(2.0 / 3, delayed / 300.0, 0.1, "share of replies held back");
    assertTrue(out.stream().allMatch(o -> o.doneAt() - o.sentAt() < 2200 * MS + 1 * MS));
  }

  @Test
  void byteCountsAreDeterministicAndCounted() {
    Simulation sim = new Simulation(3);
    sim.addNode("server", Recorder::new);
    NodeContext client = sim.addNode("client", ctx -> ctx);
    Blob blob = new Blob(new byte[1000], ImmutableList.of("ab", "cde"));
    int size = sim.network().codec().sizeOf(blob);
    // record 2 + byte[] 4+1000 + list 4 + strings (4+2) + (4+3)
    assertEquals(2 + 1004 + 4 + 6 + 7, size);
    List<Optional<Blob>> got = new ArrayList<>();
    client.call("server", blob, got::add);
    sim.runFor(Duration.ofSeconds(1));
    assertEquals(1, got.size());
    assertEquals(
        2L * size,
        sim.network().totalBytes(),
        "request bytes at submit plus reply bytes at delivery");
  }

  @Test
  void senderCannotAliasReceiverState() {
    Simulation sim = new Simulation(4);
    List<byte[]> received = new ArrayList<>();
    sim.addNode(
        "server",
        ctx -> {
          ctx.handle(
              Blob.class,
              b -> {
                received.add(b.data());
                return b;
              });
          return ctx;
        });
    NodeContext client = sim.addNode("client", ctx -> ctx);
    byte[] data = {1, 2, 3};
    client.call("server", new Blob(data, ImmutableList.of()), r -> {});
    data[0] = 99;
    sim.runFor(Duration.ofSeconds(1));
    assertEquals(1, received.get(0)[0], "receiver saw the sender's later write");
    assertNotSame(data, received.get(0));
  }

  @Test
  void mutableMessagesAreRejectedWithThePath() {
    Simulation sim = new Simulation(5);
    sim.addNode("server", Recorder::new);
    NodeContext client = sim.addNode("client", ctx -> ctx);
    IllegalArgumentException ex =
        assertThrows(
            IllegalArgumentException.class,
            () -> client.call("server", new Bad(new ArrayList<>(List.of("x"))), r -> {}));
    assertTrue(ex.getMessage().contains("Bad.items"), ex.getMessage());
    assertTrue(ex.getMessage().contains("java.util.ArrayList"), ex.getMessage());
  }
}
