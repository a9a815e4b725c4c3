package simlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import simlab.explore.ExploredSystem;
import simlab.explore.Explorer;
import simlab.explore.Impls;
import simlab.explore.SeedResult;
import simlab.nemesis.FaultKind;

/**
 * Explorer throughput: seeds per wall second for each system at its default size, on a given number
 * of threads (default 2), after a warm-up sweep for the JIT. Shrinking is off (the reference
 * passes; a shrink would measure something else). Wall-clock time is read here, outside every
 * simulation.
 */
@Command(
    name = "explore",
    mixinStandardHelpOptions = true,
    description =
        "Measure explored seeds per second for raft, kv and shardkv at their default sizes.")
public final class ExploreBenchCommand implements Callable<Integer> {
  @Option(
      names = "--threads",
      description = "Parallel simulations (default ${DEFAULT-VALUE}).",
      defaultValue = "2")
  int threads;

  @Option(
      names = "--seeds",
      description = "Measured seeds per system (default ${DEFAULT-VALUE}).",
      defaultValue = "40")
  int seeds;

  @Option(
      names = "--warmup",
      description = "Warm-up seeds per system (default ${DEFAULT-VALUE}).",
      defaultValue = "6")
  int warmup;

  @Option(names = "--only", description = "Only this system (raft, kv or shardkv).")
  String only;

  @Override
  public Integer call() {
    if (threads < 1 || seeds < 1 || warmup < 0) {
      System.err.println("bench explore: --threads and --seeds must be >= 1, --warmup >= 0");
      return 2;
    }
    List<ExploredSystem> systems = new ArrayList<>(List.of(ExploredSystem.values()));
    if (only != null) {
      try {
        systems = List.of(ExploredSystem.parse(only));
      } catch (IllegalArgumentException e) {
        System.err.println("bench explore: --only: " + e.getMessage());
        return 2;
      }
    }
    System.out.println(
        "threads: "
            + threads
            + ", available processors: "
            + Runtime.getRuntime().availableProcessors());
    for (ExploredSystem sys : systems) {
      Explorer.Settings s =
          new Explorer.Settings(
              sys,
              Impls.REFERENCE,
              EnumSet.allOf(FaultKind.class),
              false,
              sys.defaultParams(),
              0,
              Path.of("target/explore-bench"),
              "bench");
      Explorer.run(s, range(1_000_000, warmup), threads, r -> {});
      long start = System.nanoTime(); // wall-clock ok: benchmark
      List<SeedResult> results = Explorer.run(s, range(1, seeds), threads, r -> {});
      double secs = (System.nanoTime() - start) / 1e9; // wall-clock ok
      long passed = results.stream().filter(SeedResult::passed).count();
      System.out.printf(
          "%-8s %d seeds in %.1f s: %.2f seeds/s (%d passed)%n",
          sys.cliName(), seeds, secs, seeds / secs, passed);
    }
    return 0;
  }

  private static List<Long> range(long first, int n) {
    List<Long> out = new ArrayList<>();
    for (long s = first; s < first + n; s++) {
      out.add(s);
    }
    return out;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ExploreBenchCommand()).execute(args));
  }
}
