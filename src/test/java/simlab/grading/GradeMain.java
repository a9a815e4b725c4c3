package simlab.grading;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
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
      "PART: 2, 3A, 3B, 3C, 3D, 4A, 4B, 5A, 5B (default: all of them).",
      "KIND: kvsrv, raft, kv, shardctrler, shardkv (without KIND=, the",
      "      interface the class implements picks it).",
      "Exit codes: 0 every run passed, 1 a run failed, 2 bad option, value",
      "or implementation (one line on stderr, nothing run)."
    })
public final class GradeMain implements Callable<Integer> {
  private static final Set<String> GRADED_PARTS = LabTestCatalog.GRADED_PARTS;

  @Parameters(
      paramLabel = "PART",
      arity = "0..*",
      description = "A part to grade, e.g. 3A (case does not matter).")
  private List<String> partArgs = new ArrayList<>();

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
    return CommandLines.execute("grade", new GradeMain(out, err), args, out, err);
  }

  @Override
  public Integer call() throws Exception {
    partArgs.forEach(p -> parts.add(p.toUpperCase(Locale.ROOT)));
    names.addAll(testArgs);
    // One discovery: it loads every test class of the project, a fixed cost of every grade run.
    List<LabTestCatalog.LabTest> discovered = LabTestCatalog.discover();
    PointsTable points;
    try {
      points = PointsTable.fromAnnotations(discovered);
    } catch (IllegalArgumentException e) {
      err.println("grade: " + e.getMessage());
      return 2;
    }
    List<LabTestCatalog.LabTest> tests = select(discovered);
    if (tests.isEmpty()) {
      err.println(
          "grade: no graded tests match "
              + (parts.isEmpty() ? "" : "parts " + parts + " ")
              + (names.isEmpty() ? "" : "tests " + names));
      return 2;
    }
    ImplementationChoice choice;
    try {
      choice = ImplementationChoice.resolve(impls, System.getProperties(), kindsOf(tests));
    } catch (IllegalArgumentException e) {
      err.println("grade: " + e.getMessage());
      return 2;
    }
    try (ImplementationSwitches switches = ImplementationSwitches.apply(choice)) {
      printImplementations(tests, choice, out);
      PrintStream saved = System.out;
      // Tests print 6.5840-style progress lines; with many runs in parallel they would
      // interleave into noise, so the grader shows only its own table and the failures.
      System.setOut(new PrintStream(OutputStream.nullOutputStream()));
      List<SeedRunner.Outcome> outcomes;
      try {
        outcomes = runAll(tests);
      } finally {
        System.setOut(saved);
      }
      return report(tests, outcomes, points, choice, out) ? 0 : 1;
    }
  }

  /** The implementation kinds the selected tests plug in. */
  static Set<ImplementationKind> kindsOf(List<LabTestCatalog.LabTest> tests) {
    Set<ImplementationKind> kinds = new LinkedHashSet<>();
    for (LabTestCatalog.LabTest t : tests) {
      kinds.addAll(ImplementationKind.forPart(t.part()));
    }
    return kinds;
  }

  /** One line per part: the class graded for each implementation it runs. */
  private static void printImplementations(
      List<LabTestCatalog.LabTest> tests, ImplementationChoice choice, PrintStream out) {
    Set<String> parts = new LinkedHashSet<>();
    tests.forEach(t -> parts.add(t.part()));
    out.println("implementations graded:");
    for (String part : parts) {
      List<ImplementationKind> kinds = ImplementationKind.forPart(part);
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
    for (ImplementationKind k : ImplementationKind.forPart(t.part())) {
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
          parts.isEmpty()
              ? (!names.isEmpty() || GRADED_PARTS.contains(t.part()))
              : parts.contains(t.part());
      if (nameOk && partOk) {
        chosen.add(t);
      }
    }
    return chosen;
  }

  private List<SeedRunner.Outcome> runAll(List<LabTestCatalog.LabTest> tests) throws Exception {
    int total = tests.size() * seeds;
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    boolean interactive = System.console() != null;
    int step = Math.max(1, total / 20);
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    List<Future<SeedRunner.Outcome>> futures = new ArrayList<>();
    long start = System.nanoTime(); // wall-clock ok
    for (LabTestCatalog.LabTest t : tests) {
      for (int i = 0; i < seeds; i++) {
        long seed = firstSeed + i;
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
      PrintStream out) {
    Map<LabTestCatalog.LabTest, List<SeedRunner.Outcome>> byTest = new LinkedHashMap<>();
    for (LabTestCatalog.LabTest t : tests) {
      byTest.put(t, new ArrayList<>());
    }
    for (SeedRunner.Outcome r : outcomes) {
      byTest.get(r.test()).add(r);
    }
    int width = Math.max(4, tests.stream().mapToInt(t -> t.name().length()).max().orElse(4));
    String fmt = "%-" + width + "s | %-4s | %5s | %6s | %6s | %9s | %s%n";
    out.printf(fmt, "test", "part", "seeds", "passed", "points", "wall ms", "implementation");
    out.println("-".repeat(width + 66));
    int earned = 0;
    int possible = 0;
    List<SeedRunner.Outcome> failures = new ArrayList<>();
    List<SeedRunner.Outcome> warned = new ArrayList<>();
    for (Map.Entry<LabTestCatalog.LabTest, List<SeedRunner.Outcome>> e : byTest.entrySet()) {
      LabTestCatalog.LabTest t = e.getKey();
      List<SeedRunner.Outcome> rs = e.getValue();
      long passed = rs.stream().filter(SeedRunner.Outcome::passed).count();
      int p = points.pointsOf(t.name());
      int got = passed == rs.size() ? p : 0;
      earned += got;
      possible += p;
      long wall = rs.stream().mapToLong(SeedRunner.Outcome::wallMillis).sum();
      out.printf(
          fmt, t.name(), t.part(), rs.size(), passed, got + "/" + p, wall, implColumn(t, choice));
      rs.stream().filter(r -> !r.passed()).forEach(failures::add);
      rs.stream()
          .filter(r -> !r.warnings().isEmpty() || r.traceError() != null)
          .forEach(warned::add);
    }
    out.println("-".repeat(width + 66));
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
                      f.test().name(), f.seed(), ReplayCommand.implValuesFromProperties()));
        }
      }
    }
    out.println();
    out.println("total: " + earned + "/" + possible + " points");
    return failures.isEmpty();
  }
}
