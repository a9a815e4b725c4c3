package simlab.explore;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import simlab.nemesis.FaultKind;
import simlab.nemesis.Schedule;
import simlab.nemesis.ScheduleFormat;
import simlab.nemesis.Step;
import simlab.workload.WorkloadParams;

/**
 * {@code test-scripts/explore raft|kv|shardkv|kvsrv1|kvraft1|shardkv1 [options]}: explores seeds,
 * or replays one schedule file with {@code --schedule}. Exit codes: 0 every seed passed, 1 a seed
 * failed or its linearizability check was UNKNOWN, 2 bad options or input, 3 a file could not be
 * written (4 is the scripts' build failure).
 */
@Command(
    name = "explore",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Seeded property tests of raft, kv, shardkv (2024) or kvsrv1, kvraft1, shardkv1 (2025) under generated fault schedules; every failure is"
          + " shrunk to a small schedule that replays exactly.",
      "Also: explore merge FILE... (combine --json result files).",
      "Exit codes: 0 all passed, 1 some seed failed or was UNKNOWN, 2 bad options or input, 3 cannot write a file."
    })
public final class ExploreCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "SYSTEM",
      description = "raft, kv, shardkv, kvsrv1, kvraft1 or shardkv1")
  String system;

  @Option(
      names = "--seeds",
      paramLabel = "K",
      description = "Seeds to explore (default ${DEFAULT-VALUE}).",
      defaultValue = "20")
  int seeds;

  @Option(
      names = "--first-seed",
      paramLabel = "N",
      description = "First seed (default ${DEFAULT-VALUE}).",
      defaultValue = "1")
  long firstSeed;

  @Option(
      names = "--impl",
      paramLabel = "CLASS",
      description =
          "A class implementing a factory the system runs"
              + " (raft: RaftFactory; kv: KvService or RaftFactory; shardkv: RaftFactory, ShardCtrlerFactory or"
              + " ShardKvFactory; kvsrv1: KvSrv1Service; kvraft1: KvRaft1Service, RsmFactory or RaftFactory;"
              + " shardkv1: ShardKv1Factory, KvSrv1Service or RaftFactory); the reference for the rest.")
  String impl;

  @Option(
      names = "--faults",
      paramLabel = "LIST",
      description =
          "Fault kinds, comma-separated (default all that apply; kvsrv1 has no crash kinds): "
              + "partition-random, partition-majority, isolate-leader, bridge, one-way-cut, crash-one, crash-minority, "
              + "power-loss, crash-leader-after-start, crash-after-commit, unreliable, reorder, duplicate, clog, "
              + "ctrler-cut (shardkv1 only).",
      defaultValue = "all")
  String faults;

  @Option(
      names = "--swarm",
      description = "Each seed picks its own subset of the fault kinds, rates and time scales.")
  boolean swarm;

  @Option(
      names = "--clients",
      paramLabel = "C",
      description = "Clients (default: the system's, 3).")
  Integer clients;

  @Option(
      names = "--ops",
      paramLabel = "N",
      description = "Operations per client (default: the system's; kv/shardkv 40, the others 50).")
  Integer ops;

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description = "Run only the seeds s with s mod N == I (a sweep" + " split over N machines).")
  String shard;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Write one JSON record per seed (JSON Lines).")
  Path json;

  @Option(
      names = "--schedule",
      paramLabel = "FILE",
      description =
          "Replay one schedule file written by the explorer"
              + " (its header gives the seed and the workload).")
  Path schedule;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description =
          "With --schedule: also write the run's HTML timeline to DIR/index.html. (Exploring"
              + " writes one for every shrunk failure, beside its schedule file.)")
  Path report;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Parallel simulations (default: all cores).")
  Integer threads;

  @Option(
      names = "--shrink-budget",
      paramLabel = "R",
      description = "Runs a shrink may spend (0: no shrinking;" + " default ${DEFAULT-VALUE}).",
      defaultValue = "200")
  int shrinkBudget;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where shrunk schedules go (default ${DEFAULT-VALUE}).",
      defaultValue = "target/explore")
  Path out;

  private final PrintStream stdout;
  private final PrintStream stderr;

  public ExploreCommand(PrintStream stdout, PrintStream stderr) {
    this.stdout = stdout;
    this.stderr = stderr;
  }

  @Override
  public Integer call() {
    ExploredSystem sys;
    Set<FaultKind> kinds;
    Impls impls;
    int[] sh;
    try {
      sys = ExploredSystem.parse(system);
      kinds = faultKinds(sys, faults);
      sh = shard == null ? null : parseShard(shard);
      if (seeds < 1) {
        throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
      }
      if (threads != null && threads < 1) {
        throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
      }
      if (shrinkBudget < 0) {
        throw new IllegalArgumentException("--shrink-budget must be >= 0, got " + shrinkBudget);
      }
      if (clients != null && clients < 1 || ops != null && ops < 1) {
        throw new IllegalArgumentException("--clients and --ops must be >= 1");
      }
      impls = Impls.validate(sys, impl);
      if (report != null && schedule == null) {
        throw new IllegalArgumentException(
            "--report needs --schedule FILE (exploring writes a timeline for every shrunk"
                + " failure by itself)");
      }
    } catch (IllegalArgumentException e) {
      stderr.println("explore: " + e.getMessage());
      return 2;
    }
    if (schedule != null) {
      return replay(sys);
    }
    WorkloadParams p = sys.defaultParams();
    p = clients == null ? p : p.withClients(clients);
    p = ops == null ? p : p.withOps(ops);
    Explorer.Settings settings =
        new Explorer.Settings(sys, impls, kinds, swarm, p, shrinkBudget, out, replayBase(sys));
    List<Long> chosen = new ArrayList<>();
    for (long s = firstSeed; s < firstSeed + seeds; s++) {
      if (sh == null || Math.floorMod(s, sh[1]) == sh[0]) {
        chosen.add(s);
      }
    }
    int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    Progress progress = new Progress(stderr, sys.cliName(), chosen.size());
    List<SeedResult> results;
    try {
      results = Explorer.run(settings, chosen, t, progress::done);
    } catch (UncheckedIOException e) {
      progress.finish();
      stderr.println("explore: " + e.getMessage());
      return 3;
    }
    progress.finish();
    if (json != null) {
      try {
        writeJson(json, results);
      } catch (IOException e) {
        stderr.println("explore: cannot write --json " + json + ": " + e.getMessage());
        return 3;
      }
    }
    return Summary.print(stdout, results) ? 0 : 1;
  }

  /** Replays one schedule file: prints the nemesis log, the result and the trace hash. */
  private int replay(ExploredSystem sys) {
    ScheduleFile.Header h;
    Schedule sched;
    try {
      List<String> lines = Files.readAllLines(schedule, StandardCharsets.UTF_8);
      h = ScheduleFile.readHeader(schedule, lines);
      sched = ScheduleFormat.parse(schedule.toString(), String.join("\n", lines));
      if (h.system() != sys) {
        throw new IllegalArgumentException(
            schedule
                + ": the file is a "
                + h.system().cliName()
                + " schedule, not "
                + sys.cliName());
      }
      sched.validate(sys.topology());
      if (!sys.faultKinds().contains(FaultKind.CTRLER_CUT)) {
        for (Step st : sched.steps()) {
          if (st instanceof Step.CtrlerCut) {
            throw new IllegalArgumentException(
                schedule
                    + ": '"
                    + st.text()
                    + "': "
                    + sys.cliName()
                    + " has no controller to cut off (ctrler-cut is for shardkv1)");
          }
        }
      }
      if (!sys.durable()) {
        for (Step st : sched.steps()) {
          if (st instanceof Step.Crash
              || st instanceof Step.CrashLeaderAfterStart
              || st instanceof Step.CrashAfterCommit) {
            throw new IllegalArgumentException(
                schedule
                    + ": '"
                    + st.text()
                    + "': "
                    + sys.cliName()
                    + " has no crash faults (its server keeps its data in memory)");
          }
        }
      }
    } catch (IOException e) {
      stderr.println("explore: cannot read --schedule " + schedule + ": " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) { // ScheduleParseException included
      stderr.println("explore: " + e.getMessage());
      return 2;
    }
    Impls impls;
    WorkloadParams p = h.params();
    p = clients == null ? p : p.withClients(clients);
    p = ops == null ? p : p.withOps(ops);
    try {
      impls = Impls.validate(sys, impl != null ? impl : h.impl());
    } catch (IllegalArgumentException e) {
      stderr.println("explore: " + e.getMessage());
      return 2;
    }
    RunSpec spec = new RunSpec(sys, h.seed(), sched, p, impls);
    stdout.println(
        "replaying "
            + schedule
            + ": "
            + sys.cliName()
            + " seed "
            + h.seed()
            + ", "
            + p.clients()
            + " clients x "
            + p.opsPerClient()
            + " ops, "
            + sched.size()
            + " steps");
    stdout.print(ScheduleFormat.print(sched));
    Outcome o;
    if (report != null) {
      ExploreRun.Reported r;
      try {
        r =
            ExploreRun.runWithReport(
                spec,
                stdout::println,
                report,
                "explore " + sys.cliName() + " --schedule " + schedule,
                "test-scripts/explore "
                    + sys.cliName()
                    + " --schedule "
                    + ShellWord.quote(schedule.toString()));
      } catch (java.io.UncheckedIOException e) {
        stderr.println("explore: --report " + report + ": " + e.getMessage());
        return 2;
      }
      o = r.outcome();
      stdout.println("timeline: " + r.report());
    } else {
      o = ExploreRun.run(spec, stdout::println);
    }
    if (o.result() == Outcome.Result.PASS) {
      stdout.println("result: PASS");
    } else {
      stdout.println("result: " + o.result().name() + " " + o.property());
      stdout.println("  " + o.detail());
    }
    stdout.println("trace-hash: " + o.traceHash());
    stdout.println(
        "explored: 1 seeds, passed: "
            + (o.result() == Outcome.Result.PASS ? 1 : 0)
            + ", failed: "
            + (o.failed() ? 1 : 0));
    return o.result() == Outcome.Result.PASS ? 0 : 1;
  }

  private String replayBase(ExploredSystem sys) {
    StringBuilder b = new StringBuilder("test-scripts/explore ").append(sys.cliName());
    if (impl != null) {
      b.append(" --impl ").append(ShellWord.quote(impl));
    }
    if (!faults.equals("all")) {
      b.append(" --faults ").append(ShellWord.quote(faults));
    }
    if (swarm) {
      b.append(" --swarm");
    }
    if (clients != null) {
      b.append(" --clients ").append(clients);
    }
    if (ops != null) {
      b.append(" --ops ").append(ops);
    }
    return b.toString();
  }

  /**
   * The kinds of {@code list} ("all": every kind {@code sys} offers); a kind the system does not
   * offer is an error naming it.
   */
  static Set<FaultKind> faultKinds(ExploredSystem sys, String list) {
    Set<FaultKind> kinds = FaultKind.parseList(list);
    if (list.equals("all")) {
      return sys.faultKinds();
    }
    for (FaultKind k : kinds) {
      if (!sys.faultKinds().contains(k)) {
        List<String> offered = new ArrayList<>();
        sys.faultKinds().forEach(f -> offered.add(f.cliName()));
        throw new IllegalArgumentException(
            "--faults "
                + k.cliName()
                + ": "
                + sys.cliName()
                + " offers only "
                + String.join(", ", offered)
                + (k.needsController()
                    ? " (ctrler-cut needs a controller to cut off: shardkv1 only)"
                    : " (one server, in memory: no crashes, no Raft group to split)"));
      }
    }
    return kinds;
  }

  static int[] parseShard(String s) {
    Shard sh = Shard.parse(s);
    return new int[] {sh.index(), sh.count()};
  }

  static void writeJson(Path file, List<SeedResult> results) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (SeedResult r : results) {
        w.write(ResultJson.write(r));
        w.write('\n');
      }
    }
  }
}
