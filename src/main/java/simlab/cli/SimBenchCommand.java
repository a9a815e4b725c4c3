package simlab.cli;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import simlab.logging.Logs;
import simlab.sim.NodeContext;
import simlab.sim.Rpc;
import simlab.sim.Simulation;

/**
 * Raw simulator speed: N nodes, each keeping a window of RPCs in flight to every other node
 * (all-to-all), on one thread. Counts delivered messages (requests handled plus replies received)
 * per second of wall time, after a warm-up run for the JIT. Also per second of the process's CPU
 * time (the simulating thread plus the collector and the JIT): on a machine shared with other work
 * the wall figure measures the load as much as the simulator, the CPU figure much less so.
 */
@Command(
    name = "sim",
    description = "Measure raw simulator throughput (delivered messages per wall second).",
    mixinStandardHelpOptions = true)
public final class SimBenchCommand implements Callable<Integer> {
  private static final Logger LOG = Logs.get(SimBenchCommand.class);

  @Option(
      names = "--nodes",
      description = "Number of nodes (default ${DEFAULT-VALUE}).",
      defaultValue = "5")
  int nodes;

  @Option(
      names = "--window",
      description = "RPCs in flight per ordered pair of nodes (default ${DEFAULT-VALUE}).",
      defaultValue = "4")
  int window;

  @Option(
      names = "--messages",
      description = "Delivered messages per measured run (default ${DEFAULT-VALUE}).",
      defaultValue = "5000000")
  long messages;

  @Option(
      names = "--runs",
      description = "Measured runs; the median is reported (default ${DEFAULT-VALUE}).",
      defaultValue = "5")
  int runs;

  @Option(names = "--unreliable", description = "Use the unreliable network (drops and delays).")
  boolean unreliable;

  record Ping(int n) implements Rpc<Pong> {}

  record Pong(int n) {}

  /** A node that keeps {@code window} calls in flight to each peer. */
  static final class Pinger {
    final NodeContext ctx;
    long handled;
    long replies;

    Pinger(NodeContext ctx) {
      this.ctx = ctx;
      ctx.handle(
          Ping.class,
          p -> {
            handled++;
            return new Pong(p.n());
          });
    }

    void start(int window) {
      for (String peer : ctx.peers()) {
        if (peer.equals(ctx.id())) {
          continue;
        }
        for (int i = 0; i < window; i++) {
          pump(peer, i);
        }
      }
    }

    private void pump(String peer, int n) {
      ctx.call(
          peer,
          new Ping(n),
          reply -> {
            if (reply.isPresent()) {
              replies++;
            }
            pump(peer, n + 1);
          });
    }
  }

  /** One run; returns {delivered messages, wall nanos, virtual nanos, thread CPU nanos}. */
  long[] runOnce(long seed, long target) {
    Simulation sim = new Simulation(seed);
    sim.network().setReliable(!unreliable);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      ids.add("n" + i);
    }
    List<Pinger> pingers = new ArrayList<>();
    for (String id : ids) {
      pingers.add(sim.addNode(id, ids, Pinger::new));
    }
    pingers.forEach(p -> p.start(window));
    long cpuStart = processCpuNanos();
    long start = System.nanoTime(); // wall-clock ok: benchmark timing outside the simulation
    long delivered = 0;
    while (delivered < target) {
      sim.runFor(Duration.ofMillis(100));
      delivered = pingers.stream().mapToLong(p -> p.handled + p.replies).sum();
    }
    long wall = System.nanoTime() - start; // wall-clock ok
    long cpu = processCpuNanos() - cpuStart;
    return new long[] {delivered, wall, sim.nowNanos(), cpu};
  }

  /** CPU time of the whole JVM so far, or -1 where the platform does not report it. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  @Override
  public Integer call() {
    LOG.debug(
        "{} nodes, window {}, {} network, {} messages per run, {} runs",
        nodes,
        window,
        unreliable ? "unreliable" : "reliable",
        messages,
        runs);
    runOnce(1, Math.min(messages, 2_000_000)); // JIT warm-up
    List<Double> rates = new ArrayList<>();
    List<Double> cpuRates = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      long[] res = runOnce(r + 2, messages);
      double rate = res[0] / (res[1] / 1e9);
      double cpuRate = res[3] > 0 ? res[0] / (res[3] / 1e9) : Double.NaN;
      rates.add(rate);
      cpuRates.add(cpuRate);
      System.out.printf(
          "run %d: %d messages in %.3f s wall, %.3f s CPU (%.1f s virtual): %.0f msg/s, %.0f msg/CPU-s%n",
          r + 1, res[0], res[1] / 1e9, res[3] / 1e9, res[2] / 1e9, rate, cpuRate);
    }
    rates.sort(Double::compare);
    cpuRates.sort(Double::compare);
    double median = rates.get(rates.size() / 2);
    System.out.printf(
        "nodes: %d, window: %d, network: %s%n",
        nodes, window, unreliable ? "unreliable" : "reliable");
    System.out.printf("delivered-messages-per-second: %d%n", Math.round(median));
    System.out.printf(
        "delivered-messages-per-cpu-second: %d%n", Math.round(cpuRates.get(cpuRates.size() / 2)));
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SimBenchCommand()).execute(args));
  }
}
