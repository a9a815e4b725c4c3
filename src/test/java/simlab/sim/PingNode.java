package simlab.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small node for the core's own tests: pings random peers on a random timer and persists a
 * counter.
 */
final class PingNode {
  record Ping(String from, int n) implements Rpc<Pong> {}

  record Pong(String from, int n) {}

  final NodeContext ctx;
  final List<Optional<Pong>> replies = new ArrayList<>();
  int handled;
  int sent;

  PingNode(NodeContext ctx, boolean autoPing) {
    this.ctx = ctx;
    ctx.handle(
        Ping.class,
        p -> {
          handled++;
          return new Pong(ctx.id(), p.n());
        });
    if (autoPing) {
      arm();
    }
  }

  private void arm() {
    ctx.schedule(
        Duration.ofMillis(5 + ctx.random().nextInt(45)),
        () -> {
          if (!ctx.peers().isEmpty()) {
            String peer = ctx.peers().get(ctx.random().nextInt(ctx.peers().size()));
            send(peer);
          }
          arm();
        });
  }

  void send(String peer) {
    int n = ++sent;
    ctx.call(
        peer,
        new Ping(ctx.id(), n),
        reply -> {
          replies.add(reply);
          ctx.persister().save(new byte[] {(byte) replies.size()}, null);
        });
  }

  /** Builds a cluster of pinging nodes "p0".."p{n-1}" that all know each other. */
  static List<String> cluster(Simulation sim, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("p" + i);
    }
    for (String id : ids) {
      List<String> peers = ids.stream().filter(x -> !x.equals(id)).toList();
      sim.addNode(id, peers, ctx -> new PingNode(ctx, true));
    }
    return ids;
  }

  /**
   * The determinism scenario: 5 pinging nodes over an unreliable network with long reordering, a
   * partition, and a crash/restart every 300 ms; returns the trace hash.
   */
  static String chaosScenario(Simulation sim) {
    List<String> ids = cluster(sim, 5);
    sim.network().setReliable(false);
    sim.network().setLongReordering(true);
    var driver = sim.random("driver");
    for (int round = 0; round < 10; round++) {
      String victim = ids.get(driver.nextInt(ids.size()));
      sim.crash(victim);
      sim.runFor(Duration.ofMillis(150));
      sim.restart(victim);
      if (round == 4) {
        sim.network().partition(List.of(ids.subList(0, 2), ids.subList(2, 5)));
      }
      if (round == 7) {
        sim.network().healAll();
      }
      sim.runFor(Duration.ofMillis(150));
    }
    return sim.trace().hashHex();
  }

  /** Entry point for the fresh-JVM determinism check: prints the scenario's trace hash. */
  public static void main(String[] args) {
    System.out.println(chaosScenario(new Simulation(Long.parseLong(args[0]))));
  }
}
