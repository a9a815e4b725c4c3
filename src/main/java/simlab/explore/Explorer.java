package simlab.explore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import simlab.nemesis.FaultKind;
import simlab.nemesis.GeneratorConfig;
import simlab.nemesis.Schedule;
import simlab.nemesis.ScheduleGenerator;
import simlab.workload.WorkloadParams;

/**
 * Explores seeds: for each, generates the schedule, runs it and, on a failure, shrinks it and saves
 * the shrunk schedule. Seeds run in parallel, one simulation per thread; runs share nothing (each
 * builds its own simulation, cluster and implementation instances), so a seed's result does not
 * depend on the number of threads or on the other seeds.
 */
public final class Explorer {
  /**
   * What every seed of a sweep shares.
   *
   * @param replayBase the command line that replays one seed, without --seeds/--first-seed (e.g.
   *     {@code test-scripts/explore kv --faults crash-one}); used in reports
   * @param shrinkBudget candidate runs a shrink may spend (0 = do not shrink)
   * @param outDir where shrunk schedules are saved
   */
  public record Settings(
      ExploredSystem system,
      Impls impls,
      Set<FaultKind> faults,
      boolean swarm,
      WorkloadParams params,
      int shrinkBudget,
      Path outDir,
      String replayBase) {}

  private Explorer() {}

  /**
   * The schedule of {@code seed}: generated from the seed's own stream, swarm or not, from the
   * settings' fault kinds that the system offers (kvsrv1 has no crash kinds; only shardkv1 has a
   * controller to cut off, {@code ctrler-cut}).
   */
  public static Schedule scheduleFor(Settings s, long seed) {
    Set<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
    kinds.addAll(s.faults());
    kinds.retainAll(s.system().faultKinds());
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException(
          "none of the fault kinds " + s.faults() + " applies to " + s.system().cliName());
    }
    GeneratorConfig config = GeneratorConfig.of(kinds);
    return s.swarm()
        ? ScheduleGenerator.swarm(seed, s.system().topology(), config)
        : ScheduleGenerator.generate(seed, s.system().topology(), config);
  }

  public static RunSpec specFor(Settings s, long seed) {
    return new RunSpec(s.system(), seed, scheduleFor(s, seed), s.params(), s.impls());
  }

  /** Runs one seed (shrinking a failure, saving the shrunk schedule). */
  public static SeedResult runSeed(Settings s, long seed) {
    RunSpec spec = specFor(s, seed);
    Outcome o = ExploreRun.run(spec, null);
    String replay = s.replayBase() + " --seeds 1 --first-seed " + seed;
    if (!o.failed() || s.shrinkBudget() <= 0) {
      return new SeedResult(
          s.system().cliName(),
          seed,
          o.result().text(),
          o.property(),
          o.detail(),
          o.traceHash(),
          spec.schedule().size(),
          -1,
          null,
          null,
          replay,
          null,
          null);
    }
    ScheduleShrinker.Shrunk shrunk =
        new ScheduleShrinker(x -> ExploreRun.run(x, null), s.shrinkBudget()).shrink(spec, o);
    Path file = s.outDir().resolve(s.system().cliName() + "-seed" + seed + ".txt");
    String title =
        s.system().cliName()
            + " seed "
            + seed
            + " (property "
            + o.property()
            + "; "
            + spec.schedule().size()
            + " steps shrunk to "
            + shrunk.spec().schedule().size()
            + " in "
            + shrunk.runs()
            + " runs; trace-hash "
            + shrunk.outcome().traceHash()
            + ")";
    String text = ScheduleFile.render(shrunk.spec(), title, o.property());
    try {
      ScheduleFile.write(file, shrunk.spec(), title, o.property());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    String shrunkReplay =
        "test-scripts/explore "
            + s.system().cliName()
            + " --schedule "
            + ShellWord.quote(file.toString());
    Path reportDir = s.outDir().resolve(s.system().cliName() + "-seed" + seed + "-report");
    ExploreRun.Reported reported =
        ExploreRun.runWithReport(shrunk.spec(), null, reportDir, "explore " + title, shrunkReplay);
    if (!reported.outcome().traceHash().equals(shrunk.outcome().traceHash())) {
      // the product is determinism: a shrunk schedule that replays differently is a simlab bug
      throw new IllegalStateException(
          "the shrunk schedule of seed "
              + seed
              + " replayed with trace hash "
              + reported.outcome().traceHash()
              + ", not "
              + shrunk.outcome().traceHash());
    }
    return new SeedResult(
        s.system().cliName(),
        seed,
        o.result().text(),
        o.property(),
        o.detail(),
        o.traceHash(),
        spec.schedule().size(),
        shrunk.spec().schedule().size(),
        file.toString(),
        text,
        replay,
        shrunkReplay,
        reported.report().toString());
  }

  /**
   * Runs {@code seeds} on {@code threads} threads; {@code onDone} hears each result as it finishes
   * (from one thread at a time). Returns the results in the order of {@code seeds}.
   */
  public static List<SeedResult> run(
      Settings s, List<Long> seeds, int threads, Consumer<SeedResult> onDone) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, threads),
            r -> {
              // Deep recursion in some implementations: the same stack the test scripts give
              // (-Xss8m).
              Thread t = new Thread(null, r, "explore", 8L << 20);
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<SeedResult>> futures = new ArrayList<>();
      for (long seed : seeds) {
        futures.add(
            pool.submit(
                () -> {
                  SeedResult r = runSeed(s, seed);
                  synchronized (onDone) {
                    onDone.accept(r);
                  }
                  return r;
                }));
      }
      List<SeedResult> out = new ArrayList<>();
      for (Future<SeedResult> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
