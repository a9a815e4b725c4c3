package simlab.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import simlab.sim.NetworkLatency;

/** {@code bench kv|raft|shardkv}: a protocol under a workload and a nemesis, in virtual time. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    exitCodeOnInvalidInput = 2,
    exitCodeOnExecutionException = 4,
    description =
        "Benchmark kv, raft or shardkv under faults in virtual time; prints one figure per line "
            + "and writes summary.json, history.jsonl, plots and index.html to --out.",
    footer = {
      "",
      "Exit status: 0 done and the history checks out, 1 linearizability or Raft invariant violated,",
      "2 bad option, 3 cannot write the results folder, 4 internal error."
    })
public final class FaultBenchCommand implements Callable<Integer> {
  /**
   * Snapshot threshold of the KV servers (bytes of Raft state), well above a small key space's
   * state.
   */
  static final int MAX_RAFT_STATE = 10_000;

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "kv|raft|shardkv", description = "The system under test.")
  String system;

  @Option(
      names = "--clients",
      description = "Closed loop: client processes (default ${DEFAULT-VALUE}).",
      defaultValue = "10")
  int clients;

  @Option(
      names = "--rate",
      description =
          "Open loop: operations per virtual second, issued whatever the "
              + "earlier ones do (overrides --clients).",
      defaultValue = "0")
  double rate;

  @Option(
      names = "--keys",
      description = "Key space k0..k<K-1> (default ${DEFAULT-VALUE}).",
      defaultValue = "10")
  int keys;

  @Option(
      names = "--read-ratio",
      description = "Share of gets, 0..1 (default ${DEFAULT-VALUE}).",
      defaultValue = "0.5")
  double readRatio;

  @Option(
      names = "--value-size",
      description = "Bytes per written value (default ${DEFAULT-VALUE}).",
      defaultValue = "16")
  int valueSize;

  @Option(
      names = "--duration",
      description =
          "Virtual time of the run: 60s, 500ms or seconds " + "(default ${DEFAULT-VALUE}).",
      defaultValue = "60s",
      converter = MillisConverter.class)
  long durationMs;

  @Option(
      names = "--think",
      description = "Closed loop: pause after each operation (default ${DEFAULT-VALUE}).",
      defaultValue = "50ms",
      converter = MillisConverter.class)
  long thinkMs;

  @Option(
      names = "--timeout",
      description =
          "An operation not done by then fails and its process is retired "
              + "(default ${DEFAULT-VALUE}).",
      defaultValue = "1s",
      converter = MillisConverter.class)
  long timeoutMs;

  @Option(
      names = "--nemesis",
      description = "none, partition, leader, crash or mixed (default ${DEFAULT-VALUE}).",
      defaultValue = "none")
  String nemesis;

  @Option(
      names = "--nemesis-interval",
      description = "Fault length and quiet length between faults " + "(default ${DEFAULT-VALUE}).",
      defaultValue = "5s",
      converter = MillisConverter.class)
  long nemesisIntervalMs;

  @Option(
      names = "--network",
      description = "labrpc's reliable or unreliable network (default ${DEFAULT-VALUE}).",
      defaultValue = "reliable")
  String network;

  @Option(
      names = "--latency-ms",
      description = "Mean one-way latency of every hop, replacing labrpc's fixed 0.1 ms.")
  Double latencyMs;

  @Option(
      names = "--latency-dist",
      description = "constant, uniform (0..2M) or exponential " + "(default ${DEFAULT-VALUE}).",
      defaultValue = "constant")
  String latencyDist;

  @Option(
      names = "--servers",
      description = "Servers (kv, raft; shardkv has 3 per group) " + "(default ${DEFAULT-VALUE}).",
      defaultValue = "5")
  int servers;

  @Option(
      names = "--seed",
      description = "Seed of the run (default ${DEFAULT-VALUE}).",
      defaultValue = "1")
  long seed;

  @Option(
      names = "--timeline",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Keep the run's trace and write its HTML timeline to <out>/timeline/index.html"
              + " (default on; --no-timeline saves the memory on long runs).")
  boolean timeline = true;

  @Option(names = "--out", description = "Results folder (default target/bench/<system>-seed<N>).")
  Path out;

  @Override
  public Integer call() {
    BenchParams p;
    try {
      p = params();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Path dir = out != null ? out : Path.of("target", "bench", system + "-seed" + seed);
    long wall0 =
        System.nanoTime(); // wall-clock ok: reported benchmark time, outside the simulation
    FaultBench.Result r;
    try {
      r =
          FaultBench.run(
              p,
              dir,
              "test-scripts/bench "
                  + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
              timeline);
    } catch (IOException e) {
      System.err.println("bench: cannot write the results folder " + dir + ": " + e.getMessage());
      return 3;
    }
    double wall = (System.nanoTime() - wall0) / 1e9; // wall-clock ok
    System.out.println(
        "bench "
            + system
            + ": "
            + p.loadDescription()
            + ", nemesis "
            + p.nemesis().cliName()
            + (p.nemesis() == Nemeses.Kind.NONE
                ? ""
                : " every "
                    + 2 * p.nemesisIntervalMs()
                    + " ms for "
                    + p.nemesisIntervalMs()
                    + " ms")
            + ", network "
            + p.networkDescription()
            + ", seed "
            + seed
            + ", "
            + durationMs / 1000.0
            + " s virtual");
    FaultBench.figureLines(r.figures()).forEach(System.out::println);
    System.out.println("linearizability: " + r.verdict());
    System.out.println("report: " + dir.resolve("index.html"));
    if (r.timeline() != null) {
      System.out.println("timeline: " + r.timeline());
    }
    System.out.printf(
        java.util.Locale.ROOT,
        "wall-s: %.2f (simulate %.2f, check %.2f, plots and files %.2f)%n",
        wall,
        r.wall().simulate(),
        r.wall().check(),
        r.wall().plots());
    return r.violation() ? 1 : 0;
  }

  BenchParams params() {
    if (!system.equals("kv") && !system.equals("raft") && !system.equals("shardkv")) {
      throw new IllegalArgumentException(
          "expected kv, raft or shardkv (or election), got '" + system + "'");
    }
    check(durationMs >= 1, "--duration must be at least 1ms");
    check(timeoutMs >= 1, "--timeout must be at least 1ms");
    check(nemesisIntervalMs >= 1, "--nemesis-interval must be at least 1ms");
    check(clients >= 1, "--clients must be >= 1, got " + clients);
    check(rate >= 0 && rate <= 100_000, "--rate must be in 0..100000 ops/s, got " + rate);
    check(keys >= 1, "--keys must be >= 1, got " + keys);
    check(readRatio >= 0 && readRatio <= 1, "--read-ratio must be in 0..1, got " + readRatio);
    check(
        valueSize >= 1 && valueSize <= 1_000_000,
        "--value-size must be in 1..1000000, got " + valueSize);
    check(servers >= 1 && servers <= 15, "--servers must be in 1..15, got " + servers);
    check(
        network.equals("reliable") || network.equals("unreliable"),
        "--network: expected reliable or unreliable, got '" + network + "'");
    NetworkLatency lat = null;
    if (latencyMs != null) {
      check(
          latencyMs >= 0 && latencyMs <= 60_000,
          "--latency-ms must be in 0..60000, got " + latencyMs);
      NetworkLatency.Distribution d;
      try {
        d = NetworkLatency.Distribution.parse(latencyDist);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--latency-dist: " + e.getMessage());
      }
      lat = NetworkLatency.ofMillis(d, latencyMs);
    }
    Nemeses.Kind kind;
    try {
      kind = Nemeses.Kind.parse(nemesis);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--nemesis: " + e.getMessage());
    }
    return new BenchParams(
        system,
        seed,
        system.equals("shardkv") ? 3 : servers,
        clients,
        rate,
        keys,
        readRatio,
        valueSize,
        durationMs,
        thinkMs,
        timeoutMs,
        kind,
        nemesisIntervalMs,
        network.equals("unreliable"),
        lat,
        MAX_RAFT_STATE);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(new CommandLine(new FaultBenchCommand()).execute(args));
  }
}
