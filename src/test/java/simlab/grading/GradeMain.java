package simlab.grading;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import simlab.explore.Shard;
import simlab.harness.ImplementationChoice;
import simlab.harness.ImplementationKind;
import simlab.testing.ReplayCommand;

/**
 * test-scripts/grade: runs the graded suites over K seeds per test, in parallel across cores
 * (simulations share nothing), prints a progress line, then the table {@code test | part | seeds |
 * passed | points | wall ms | implementation}, warnings, every failure in full with its replay
 * command, and {@code total: earned/possible points}. Exit codes: 0 all passed, 1 a run failed, 2
 * bad options or implementation (nothing ran). The options are read by picocli ({@link
 * CommandLines}); test-scripts/sweep runs this too.
 */
@Command(
    name = "grade",
    sortOptions = false,
    usageHelpAutoWidth = false,
    description =
        "Runs the graded suites, K seeds per test in parallel, and prints the points table, "
            + "the warnings and every failure with its replay command.",
    footerHeading = "%n",
    footer = {
      "PART: 2024: 2, 3A, 3B, 3C, 3D, 4A, 4B, 5A, 5B; 2025: 2, 3A, 3B, 3C, 3D,",
      "      4A, 4B, 4C, 5A, 5B, 5C (default: every part of the year in this build).",
      "KIND: kvsrv, raft, kv, shardctrler, shardkv, kvsrv1, ... (without KIND=, the",
      "      interface the class implements picks it).",
      "Exit codes: 0 every run passed, 1 a run failed, 2 bad option, value",
      "or implementation (one line on stderr, nothing run)."
    })
public final class GradeMain implements Callable<Integer> {
  @Parameters(
      paramLabel = "PART",
      arity = "0..*",
      description = "A part to grade, e.g. 3A (case does not matter).")
  private List<String> partArgs = new ArrayList<>();

  @Option(
      names = "--year",
      paramLabel = "YEAR",
      converter = CommandLines.Year.class,
      description =
          "The curriculum's year: 2024 or 2025 (default: ${DEFAULT-VALUE}; see README, "
              + "\"Which year\").")
  private int year = LabTestCatalog.DEFAULT_YEAR;

  @Option(
      names = "--seeds",
      paramLabel = "K",
      converter = CommandLines.Positive.class,
      description = "Seeds per test (default: ${DEFAULT-VALUE}).")
  private int seeds = 1;

  @Option(
      names = "--first-seed",
      paramLabel = "N",
      converter = CommandLines.WholeNumber.class,
      description = "The first seed; runs N, N+1, ..., N+K-1 (default: ${DEFAULT-VALUE}).")
  private long firstSeed = 1;

  @Option(
      names = "--impl",
      paramLabel = "[KIND=]CLASS",
      converter = CommandLines.Word.class,
      description =
          "Grade this class (a factory of a lab being run) instead of the reference; repeatable.")
  private List<String> impls = new ArrayList<>();

  @Option(
      names = "--test",
      paramLabel = "NAME",
      converter = CommandLines.Word.class,
      description = "Grade only this test (its 6.5840 name); repeatable.")
  private List<String> testArgs = new ArrayList<>();

  @Option(
      names = "--jobs",
      paramLabel = "J",
      converter = CommandLines.Positive.class,
      description = "Worker threads (default: the number of cores).")
  private int jobs = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description =
          "Run only the seeds s with s mod N == I: one machine's share of a sweep split over N"
              + " (merge the --json files with `grade merge`).")
  private String shardArg;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description =
          "Also write one JSON record per run (test, part, seed, result, points, trace hash,"
              + " failure, replay command) to FILE, for `grade merge`.")
  private Path json;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Print this help and exit.")
  private boolean help;

  private final PrintStream out;
  private final PrintStream err;
  private final Set<String> parts = new LinkedHashSet<>();
  private final Set<String> names = new LinkedHashSet<>();

  private GradeMain(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * The whole grader; returns the exit code instead of exiting (tests call it in-process): 0 every
   * run passed, 1 some run failed, 2 bad options or implementation (before any test runs).
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && args[0].equals("merge")) {
      return GradeMerge.run(Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    return CommandLines.execute("grade", new GradeMain(out, err), args, out, err);
  }

  @Override
  public Integer call() throws Exception {
    for (String p : partArgs) {
      String part = p.toUpperCase(Locale.ROOT);
      if (part.startsWith(LabTestCatalog.PREFIX_2025)) {
        if (year != 2025) {
          err.println("grade: part " + p + " is a 2025 part; add --year 2025 (or name it 4A, ...)");
          return 2;
        }
        part = LabTestCatalog.partOfTag(part);
      }
      parts.add(part);
    }
    names.addAll(testArgs);
    List<LabTestCatalog.LabTest> ofYear = LabTestCatalog.forYear(year);
    PointsTable points;
    try {
      points = PointsTable.fromAnnotations(ofYear);
    } catch (IllegalArgumentException e) {
      err.println("grade: " + e.getMessage());
      return 2;
    }
    Set<String> missing = LabTestCatalog.partsMissing(year, ofYear);
    for (String p : parts) {
      if (missing.contains(p)) {
        err.println(
            "grade: part "
                + p
                + " of "
                + year
                + " has no tests in this build (parts present: "
                + String.join(", ", LabTestCatalog.partsPresent(year, ofYear))
                + ")");
        return 2;
      }
    }
    List<LabTestCatalog.LabTest> tests = select(ofYear);
    if (tests.isEmpty()) {
      err.println(
          "grade: no graded tests of "
              + year
              + " match "
              + (parts.isEmpty() ? "" : "parts " + parts + " ")
              + (names.isEmpty() ? "" : "tests " + names));
      return 2;
    }
    if (parts.isEmpty() && names.isEmpty() && !missing.isEmpty()) {
      // Never claim a part passed that was not run: say which of the year's parts are absent.
      out.println(
          "parts of "
              + year
              + " not in this build (not graded, no points): "
              + String.join(", ", missing));
      out.println();
    }
    ImplementationChoice choice;
    try {
      choice = ImplementationChoice.resolve(impls, System.getProperties(), kindsOf(tests));
    } catch (IllegalArgumentException e) {
      err.println("grade: " + e.getMessage());
      return 2;
    }
    Shard shard = null;
    if (shardArg != null) {
      try {
        shard = Shard.parse(shardArg);
      } catch (IllegalArgumentException e) {
        err.println("grade: " + e.getMessage());
        return 2;
      }
    }
    List<Long> seedList = new ArrayList<>();
    for (int i = 0; i < seeds; i++) {
      long s = firstSeed + i;
      if (shard == null || shard.includes(s)) {
        seedList.add(s);
      }
    }
    if (seedList.isEmpty()) {
      err.println(
          "grade: --shard "
              + shardArg
              + " selects none of the seeds "
              + firstSeed
              + ".."
              + (firstSeed + seeds - 1));
      return 2;
    }
    BufferedWriter jsonOut = null;
    if (json != null) {
      try {
        // opened before any test runs, so a bad path costs nothing
        jsonOut = Files.newBufferedWriter(json, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        err.println("grade: cannot write --json " + json + ": " + e.getMessage());
        return 2;
      }
    }
    try (ImplementationSwitches switches = ImplementationSwitches.apply(choice)) {
      printImplementations(tests, choice, out);
      PrintStream saved = System.out;
      // Tests print 6.5840-style progress lines; with many runs in parallel they would
      // interleave into noise, so the grader shows only its own table and the failures.
      System.setOut(new PrintStream(OutputStream.nullOutputStream()));
      List<SeedRunner.Outcome> outcomes;
      try {
        outcomes = runAll(tests, seedList);
      } finally {
        System.setOut(saved);
      }
      if (jsonOut != null) {
        try (BufferedWriter w = jsonOut) {
          for (SeedRunner.Outcome o : outcomes) {
            w.write(record(o, points, choice).toJson());
            w.newLine();
          }
        } catch (IOException e) {
          err.println("grade: cannot write --json " + json + ": " + e.getMessage());
          return 3;
        }
      }
      Set<String> notRun = parts.isEmpty() && names.isEmpty() ? missing : Set.of();
      boolean ok = report(tests, outcomes, points, choice, notRun, out);
      if (shard != null) {
        out.println(
            "shard "
                + shardArg
                + ": "
                + seedList.size()
                + " of "
                + seeds
                + " seeds; the points above count these seeds only (grade merge combines the"
                + " shards' --json files)");
      }
      return ok ? 0 : 1;
    }
  }

  /** The implementation kinds the selected tests plug in. */
  static Set<ImplementationKind> kindsOf(List<LabTestCatalog.LabTest> tests) {
    Set<ImplementationKind> kinds = new LinkedHashSet<>();
    for (LabTestCatalog.LabTest t : tests) {
      kinds.addAll(ImplementationKind.forPart(t.tag()));
    }
    return kinds;
  }

  /** One line per part: the class graded for each implementation it runs. */
  private static void printImplementations(
      List<LabTestCatalog.LabTest> tests, ImplementationChoice choice, PrintStream out) {
    Map<String, String> partOfTag = new LinkedHashMap<>();
    tests.forEach(t -> partOfTag.putIfAbsent(t.tag(), t.part()));
    out.println("implementations graded:");
    for (Map.Entry<String, String> e : partOfTag.entrySet()) {
      String part = e.getValue();
      List<ImplementationKind> kinds = ImplementationKind.forPart(e.getKey());
      StringBuilder sb = new StringBuilder();
      for (ImplementationKind k : kinds) {
        sb.append(sb.length() == 0 ? "" : ", ")
            .append(k.shortName())
            .append(" = ")
            .append(choice.classFor(k))
            .append(choice.isReference(k) ? " (reference)" : "");
      }
      out.printf("  %-4s %s%n", part, kinds.isEmpty() ? "(no pluggable implementation)" : sb);
    }
    out.println();
  }

  /**
   * The table's implementation column: the non-reference classes of the test's part, or
   * "reference".
   */
  private static String implColumn(LabTestCatalog.LabTest t, ImplementationChoice choice) {
    StringBuilder sb = new StringBuilder();
    for (ImplementationKind k : ImplementationKind.forPart(t.tag())) {
      if (!choice.isReference(k)) {
        String c = choice.classFor(k);
        sb.append(sb.length() == 0 ? "" : " ")
            .append(k.shortName())
            .append('=')
            .append(c.substring(c.lastIndexOf('.') + 1));
      }
    }
    return sb.length() == 0 ? "reference" : sb.toString();
  }

  private List<LabTestCatalog.LabTest> select(List<LabTestCatalog.LabTest> all) {
    List<LabTestCatalog.LabTest> chosen = new ArrayList<>();
    for (LabTestCatalog.LabTest t : all) {
      boolean nameOk = names.isEmpty() || names.contains(t.name());
      boolean partOk =
          parts.isEmpty() ? (!names.isEmpty() || t.graded()) : parts.contains(t.part());
      if (nameOk && partOk) {
        chosen.add(t);
      }
    }
    return chosen;
  }

  private static GradeRecord record(
      SeedRunner.Outcome o, PointsTable points, ImplementationChoice choice) {
    String failure =
        o.failure() == null ? null : o.failure().lines().findFirst().orElse(o.failure());
    return new GradeRecord(
        o.test().name(),
        o.test().year(),
        o.test().part(),
        o.seed(),
        o.passed(),
        points.pointsOf(o.test().name()),
        o.traceHash(),
        failure,
        ReplayCommand.format(
            o.test().name(), o.seed(), o.test().year(), ReplayCommand.implValuesFromProperties()),
        implColumn(o.test(), choice));
  }

  private List<SeedRunner.Outcome> runAll(List<LabTestCatalog.LabTest> tests, List<Long> seedList)
      throws Exception {
    int total = tests.size() * seedList.size();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    boolean interactive = System.console() != null;
    int step = Math.max(1, total / 20);
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    List<Future<SeedRunner.Outcome>> futures = new ArrayList<>();
    long start = System.nanoTime(); // wall-clock ok
    for (LabTestCatalog.LabTest t : tests) {
      for (long seed : seedList) {
        futures.add(
            pool.submit(
                () -> {
                  SeedRunner.Outcome r = SeedRunner.run(t, seed, Map.of());
                  int n = done.incrementAndGet();
                  if (!r.passed()) {
                    failed.incrementAndGet();
                  }
                  synchronized (out) {
                    String line =
                        String.format(
                            "[%d/%d] %s seed %d %s  (failed so far: %d)",
                            n, total, t.name(), seed, r.passed() ? "PASS" : "FAIL", failed.get());
                    if (interactive) {
                      // One line rewritten in place on a terminal; failures stay visible.
                      out.print("\r" + line + "   " + (r.passed() ? "" : "\n"));
                    } else if (!r.passed() || n % step == 0 || n == total) {
                      out.println(line);
                    }
                    out.flush();
                  }
                  return r;
                }));
      }
    }
    List<SeedRunner.Outcome> outcomes = new ArrayList<>();
    for (Future<SeedRunner.Outcome> f : futures) {
      outcomes.add(f.get());
    }
    pool.shutdown();
    long wall = (System.nanoTime() - start) / 1_000_000; // wall-clock ok
    out.printf(
        "%s%d runs in %.1f s wall on %d worker threads%n%n",
        interactive ? "\n" : "", total, wall / 1000.0, jobs);
    return outcomes;
  }

  private static boolean report(
      List<LabTestCatalog.LabTest> tests,
      List<SeedRunner.Outcome> outcomes,
      PointsTable points,
      ImplementationChoice choice,
      Set<String> missing,
      PrintStream out) {
    Map<LabTestCatalog.LabTest, List<SeedRunner.Outcome>> byTest = new LinkedHashMap<>();
    for (LabTestCatalog.LabTest t : tests) {
      byTest.put(t, new ArrayList<>());
    }
    for (SeedRunner.Outcome r : outcomes) {
      byTest.get(r.test()).add(r);
    }
    List<PointsTableText.Row> rows = new ArrayList<>();
    List<SeedRunner.Outcome> failures = new ArrayList<>();
    List<SeedRunner.Outcome> warned = new ArrayList<>();
    for (Map.Entry<LabTestCatalog.LabTest, List<SeedRunner.Outcome>> e : byTest.entrySet()) {
      LabTestCatalog.LabTest t = e.getKey();
      List<SeedRunner.Outcome> rs = e.getValue();
      rows.add(
          new PointsTableText.Row(
              t.name(),
              t.year(),
              t.part(),
              rs.size(),
              rs.stream().filter(SeedRunner.Outcome::passed).count(),
              points.pointsOf(t.name()),
              rs.stream().mapToLong(SeedRunner.Outcome::wallMillis).sum(),
              implColumn(t, choice)));
      rs.stream().filter(r -> !r.passed()).forEach(failures::add);
      rs.stream()
          .filter(r -> !r.warnings().isEmpty() || r.traceError() != null)
          .forEach(warned::add);
    }
    PointsTableText.print(rows, out);
    if (!warned.isEmpty()) {
      out.println();
      out.println("warnings (they cost no points):");
      for (SeedRunner.Outcome w : warned) {
        for (String msg : w.warnings()) {
          out.println("  " + w.test().name() + " seed " + w.seed() + ": " + msg);
        }
        if (w.traceError() != null) {
          out.println(
              "  "
                  + w.test().name()
                  + " seed "
                  + w.seed()
                  + ": trace not written: "
                  + w.traceError());
        }
      }
    }
    if (!failures.isEmpty()) {
      out.println();
      out.println("failures (" + failures.size() + "):");
      for (SeedRunner.Outcome f : failures) {
        out.print(
            FailureText.indented(
                f.test().name() + " seed " + f.seed(),
                FailureText.withoutPrefix(
                    f.failure(), f.test().name() + " failed with seed " + f.seed() + ": ")));
        if (f.failure() == null || !f.failure().contains("replay: ")) {
          out.println(
              "    replay: "
                  + ReplayCommand.format(
                      f.test().name(),
                      f.seed(),
                      f.test().year(),
                      ReplayCommand.implValuesFromProperties()));
        }
      }
    }
    out.println();
    if (!missing.isEmpty()) {
      out.println("not in this build: " + String.join(", ", missing) + " (no points counted)");
    }
    out.println(
        "total: "
            + PointsTableText.earned(rows)
            + "/"
            + PointsTableText.possible(rows)
            + " points");
    return failures.isEmpty();
  }
}
