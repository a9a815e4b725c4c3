package simlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import simlab.nemesis.NemesisDriver;
import simlab.nemesis.Schedule;
import simlab.nemesis.ScheduleFormat;
import simlab.report.RunReport;
import simlab.sim.Simulation;

/**
 * One fault benchmark run: build the system, let it elect leaders ({@link #WARM_UP}), run the load
 * and the nemesis side by side for the duration, wait for the operations still in flight (each ends
 * by its timeout at the latest), then compute the figures and write the results folder.
 */
public final class FaultBench {
  /** Before the measured run: leaders elected (sharded KV: every group joined as well). */
  static final Duration WARM_UP = Duration.ofSeconds(2);

  /** What a run produced. */
  public record Result(
      BenchParams params,
      Figures figures,
      List<OpRecord> ops,
      List<FaultWindow> faults,
      Schedule schedule,
      List<String> nemesisLog,
      String verdict,
      boolean violation,
      Phases wall,
      Path timeline) {}

  /**
   * Wall seconds spent simulating, checking the history and drawing (reported, never in
   * summary.json).
   */
  public record Phases(double simulate, double check, double plots) {}

  private FaultBench() {}

  public static BenchSystem system(BenchParams p, Simulation sim) {
    return switch (p.system()) {
      case "kv" -> new KvSystem(sim, p.servers(), p.unreliable(), p.maxRaftState());
      case "raft" -> new RaftSystem(sim, p.servers(), !p.unreliable());
      case "shardkv" -> new ShardKvSystem(sim, p.unreliable(), p.maxRaftState());
      default ->
          throw new IllegalArgumentException(
              "unknown system " + p.system() + "; expected kv, raft or shardkv");
    };
  }

  /**
   * Runs the benchmark and writes DIR (created if missing); the verdict comes from checking the
   * history.
   */
  public static Result run(BenchParams p, Path dir, String command) throws IOException {
    return run(p, dir, command, false);
  }

  /**
   * As {@link #run(BenchParams, Path, String)}; with {@code timeline} the simulation keeps its
   * trace and the run report (the same HTML timeline a failing test writes) goes to {@code
   * DIR/timeline/index.html}, linked from {@code DIR/index.html}. Keeping the trace changes no
   * figure: the trace hash and every virtual time are the same either way.
   */
  public static Result run(BenchParams p, Path dir, String command, boolean timeline)
      throws IOException {
    long w0 =
        System.nanoTime(); // wall-clock ok: phase timings for the report, outside the simulation
    Simulation sim = new Simulation(p.seed(), timeline);
    BenchSystem system = system(p, sim);
    if (p.latency() != null) {
      sim.network().setLatency(p.latency());
    }
    if (system instanceof ShardKvSystem s) {
      s.setUp();
    }
    sim.runFor(WARM_UP);
    long messages0 = sim.network().totalCount();
    long bytes0 = sim.network().totalBytes();
    Schedule schedule =
        Nemeses.schedule(p.nemesis(), p.nemesisIntervalMs(), p.durationMs(), p.seed());
    NemesisDriver nemesis = new NemesisDriver(system.target(), schedule, null);
    LoadDriver load = new LoadDriver(system, p);
    load.start();
    if (schedule.size() > 0) {
      nemesis.start();
    }
    sim.runFor(Duration.ofMillis(p.durationMs()));
    sim.runUntil(load::quiet, Duration.ofMillis(p.timeoutMs() + 1000));
    long messages = sim.network().totalCount() - messages0;
    long bytes = sim.network().totalBytes() - bytes0;
    List<OpRecord> ops = new ArrayList<>(load.records());
    List<FaultWindow> faults = Nemeses.windows(schedule);
    long duration = p.durationMs() * 1_000_000L;
    Figures f = Metrics.compute(ops, faults, duration, messages, bytes);
    String invariant = null;
    try {
      system.finish();
    } catch (AssertionError | RuntimeException e) {
      invariant = e.getMessage();
    }

    long w1 = System.nanoTime(); // wall-clock ok
    Files.createDirectories(dir);
    String verdict = system.writeAndCheck(ops, dir.resolve("history.jsonl"), 10_000);
    boolean violation = verdict.startsWith("VIOLATED") || invariant != null;
    if (invariant != null) {
      verdict += "; Raft invariant violated: " + invariant;
    }
    long w2 = System.nanoTime(); // wall-clock ok
    String scheduleText = ScheduleFormat.print(schedule);
    write(dir.resolve("schedule.txt"), scheduleText);
    write(dir.resolve("summary.json"), SummaryJson.render(p, f, faults, scheduleText));
    double seconds =
        Math.max(duration, ops.stream().mapToLong(OpRecord::endNanos).max().orElse(0)) / 1e9;
    String title = "bench " + p.system();
    BenchCharts.latencyRaw(dir.resolve("latency-raw.png"), title, ops, faults, seconds);
    BenchCharts.latencyQuantiles(
        dir.resolve("latency-quantiles.png"),
        title,
        Metrics.latencyPerSecond(ops, (long) (seconds * 1e9)),
        faults,
        seconds);
    BenchCharts.rate(
        dir.resolve("rate.png"),
        title,
        Metrics.perSecond(ops, (long) (seconds * 1e9)),
        faults,
        seconds);
    Phases phases =
        new Phases(
            (w1 - w0) / 1e9, (w2 - w1) / 1e9, (System.nanoTime() - w2) / 1e9); // wall-clock ok
    Path timelineFile = null;
    if (timeline) {
      RunReport.Info info =
          new RunReport.Info(
              "bench " + p.system(),
              p.seed(),
              !violation,
              violation ? verdict : null,
              command,
              sim.trace().hashHex(),
              null);
      timelineFile = RunReport.write(sim, info, dir.resolve("timeline")).file();
    }
    Result r =
        new Result(
            p, f, ops, faults, schedule, nemesis.log(), verdict, violation, phases, timelineFile);
    write(
        dir.resolve("index.html"),
        BenchHtml.render(
            p, figureLines(f), verdict, scheduleText, nemesis.log(), command, timeline));
    return r;
  }

  /** The figure lines the command prints, in order. */
  public static List<String> figureLines(Figures f) {
    List<String> l = new ArrayList<>();
    l.add("ops: " + f.ops() + " ok: " + f.ok() + " failed: " + f.failed());
    l.add("throughput-ops-per-s: " + d1(f.throughput()));
    l.add(
        "latency-ms: p50 "
            + d1(f.latency().p50())
            + " p90 "
            + d1(f.latency().p90())
            + " p99 "
            + d1(f.latency().p99())
            + " p999 "
            + d1(f.latency().p999())
            + " max "
            + d1(f.latency().max()));
    l.add("availability: " + String.format(Locale.ROOT, "%.4f", f.availability()));
    l.add("longest-gap-ms: " + d1(f.longestGapMs()));
    l.add(
        "recovery-ms: p50 "
            + d1(f.recoveryP50())
            + " max "
            + d1(f.recoveryMax())
            + (f.unrecovered() > 0 ? " (unrecovered: " + f.unrecovered() + ")" : ""));
    l.add("messages-per-op: " + d1(f.messagesPerOp()));
    l.add("bytes-per-op: " + d1(f.bytesPerOp()));
    return l;
  }

  static String d1(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
