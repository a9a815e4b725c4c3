package simlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import simlab.sim.NetworkLatency;

/** {@code bench election}: Figure 16 of the Raft paper, in virtual time. */
@Command(
    name = "bench election",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    exitCodeOnInvalidInput = 2,
    exitCodeOnExecutionException = 4,
    description =
        "Figure 16 of the Raft paper: time without a leader after the leader crashes, per range of "
            + "election timeouts; prints one line per range, writes cdf.png and table.md to --out.",
    footer = {
      "",
      "Exit status: 0 done, 2 bad option, 3 cannot write the results folder, 4 internal error."
    })
public final class ElectionBenchCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--trials",
      description =
          "Trials per line (default ${DEFAULT-VALUE}; the paper ran 1000, " + "100 for 150-150).",
      defaultValue = "1000")
  int trials;

  @Option(names = "--seed", description = "Seed (default ${DEFAULT-VALUE}).", defaultValue = "1")
  long seed;

  @Option(
      names = "--lines",
      description = "Comma-separated lines to run, e.g. 150-155,12-24 (default: all eleven).")
  String lines;

  @Option(
      names = "--prevote",
      description = "Run the reference Raft with Pre-Vote (Raft thesis §9.6).")
  boolean preVote;

  @Option(
      names = "--lossy",
      description =
          "labrpc's unreliable network: 10%% of requests and of replies lost, "
              + "requests delayed 0-26 ms more.")
  boolean lossy;

  @Option(
      names = "--latency-ms",
      description = "Mean one-way latency (default: see LATENCY in ElectionBench).")
  Double latencyMs;

  @Option(names = "--latency-dist", description = "constant, uniform (0..2M) or exponential.")
  String latencyDist;

  @Option(names = "--threads", description = "Worker threads (default: the number of cores).")
  Integer threads;

  @Option(
      names = "--out",
      description = "Results folder (default target/bench/election[-prevote][-lossy]).")
  Path out;

  @Override
  public Integer call() throws InterruptedException {
    if (trials < 1 || trials > 1_000_000) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--trials must be in 1..1000000, got " + trials);
    }
    List<ElectionLine> selected;
    try {
      selected = lines == null ? ElectionLine.paper() : ElectionLine.select(lines);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (nThreads < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--threads must be >= 1, got " + nThreads);
    }
    NetworkLatency latency = ElectionBench.LATENCY;
    try {
      if (latencyMs != null || latencyDist != null) {
        latency =
            NetworkLatency.ofMillis(
                latencyDist == null
                    ? latency.distribution()
                    : NetworkLatency.Distribution.parse(latencyDist),
                latencyMs == null ? latency.meanNanos() / 1e6 : latencyMs);
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--latency-dist: " + e.getMessage());
    }
    String variant = (preVote ? "-prevote" : "") + (lossy ? "-lossy" : "");
    Path dir = out != null ? out : Path.of("target", "bench", "election" + variant);
    long wall0 =
        System.nanoTime(); // wall-clock ok: reported benchmark time, outside the simulations
    List<ElectionResult> results;
    try {
      results =
          ElectionBench.run(
              selected, new ElectionBench.Options(seed, trials, preVote, lossy, nThreads, latency));
    } catch (RuntimeException e) {
      System.err.println("bench election: internal error: " + e.getMessage());
      return 4;
    }
    double wall = (System.nanoTime() - wall0) / 1e9; // wall-clock ok
    System.out.println(
        "bench election: 5 servers, one-way latency "
            + latency.describe()
            + ", heartbeat = min/2, "
            + ElectionBench.LAGGING
            + " followers lagging, "
            + (preVote ? "pre-vote, " : "")
            + (lossy ? "lossy network, " : "")
            + "seed "
            + seed);
    for (ElectionResult r : results) {
      System.out.println(r.summary());
    }
    String table = table(results, variant);
    try {
      Files.createDirectories(dir);
      ElectionChart.write(
          dir.resolve("cdf.png"),
          results,
          variant.isEmpty() ? "" : " (" + variant.substring(1).replace("-", ", ") + ")");
      Files.writeString(dir.resolve("table.md"), table, StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.err.println(
          "bench election: cannot write the results folder " + dir + ": " + e.getMessage());
      return 3;
    }
    System.out.print(table);
    System.out.println("cdf: " + dir.resolve("cdf.png"));
    System.out.printf(Locale.ROOT, "wall-s: %.2f (%d threads)%n", wall, nThreads);
    return 0;
  }

  /** The lines beside what the paper states about them, as a Markdown table. */
  static String table(List<ElectionResult> results, String variant) {
    StringBuilder b = new StringBuilder();
    b.append("| timeouts (ms) | panel | trials | median | p99 | max | mean | the paper says |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|---|\n");
    for (ElectionResult r : results) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %.0f | %.0f | %.0f%s | %.0f | %s |%n",
              r.line().label(),
              r.line().panel(),
              r.sortedMs().length,
              r.median(),
              r.p99(),
              r.max(),
              r.censored() > 0 ? " (" + r.censored() + " capped)" : "",
              r.mean(),
              r.line().paperSays()
                  + (r.unstable() > 0
                      ? (r.line().paperSays().isEmpty() ? "" : "; ")
                          + r.unstable()
                          + " trials without a stable leader to crash"
                      : "")));
    }
    return b.toString();
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(new CommandLine(new ElectionBenchCommand()).execute(args));
  }
}
