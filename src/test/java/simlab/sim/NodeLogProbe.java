package simlab.sim;

import java.time.Duration;

/**
 * A run whose nodes call {@code ctx.log}, for {@code NodeLogTest} to start in a fresh JVM with and
 * without {@code -Dsim.log} (slf4j-simple reads its configuration once per JVM). Prints the trace
 * hashes of this run and of {@link PingNode#chaosScenario}.
 */
final class NodeLogProbe {
  private NodeLogProbe() {}

  /** Logs when it starts and on a timer 5 ms later. */
  static final class Chatty {
    Chatty(NodeContext ctx) {
      ctx.log("up");
      ctx.schedule(Duration.ofMillis(5), () -> ctx.log("tick"));
    }
  }

  static String hashes(long seed) {
    Simulation sim = new Simulation(seed);
    sim.addNode("n1", Chatty::new);
    sim.runFor(Duration.ofMillis(10));
    sim.restart("n1");
    sim.runFor(Duration.ofMillis(10));
    return sim.trace().hashHex() + " " + PingNode.chaosScenario(new Simulation(seed));
  }

  public static void main(String[] args) {
    System.out.println(hashes(Long.parseLong(args[0])));
  }
}
