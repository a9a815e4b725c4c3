package simlab.grading;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * test-scripts/grade: runs the graded suites over K seeds per test, in parallel across
 * cores (simulations share nothing), prints a progress line, then the table
 * {@code test | seeds | passed | points} and {@code total: earned/possible points}.
 * Exits 1 if any run failed, listing each failure's replay command.
 */
public final class GradeMain {
  private static final Set<String> GRADED_PARTS = LabTestCatalog.GRADED_PARTS;

  private GradeMain() {
  }

  public static void main(String[] args) throws Exception {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("grade: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    if (o.impl != null) {
      System.setProperty("sim.impl", o.impl);
    }
    PointsTable points;
    try {
      points = PointsTable.fromAnnotations(LabTestCatalog.discover());
    } catch (IllegalArgumentException e) {
      System.err.println("grade: " + e.getMessage());
      System.exit(2);
      return;
    }
    List<LabTestCatalog.LabTest> tests = select(LabTestCatalog.discover(), o);
    if (tests.isEmpty()) {
      System.err.println("grade: no graded tests match " + (o.parts.isEmpty() ? "" : "parts " + o.parts + " ")
          + (o.names.isEmpty() ? "" : "tests " + o.names));
      System.exit(2);
      return;
    }
    PrintStream out = System.out;
    // Tests print 6.5840-style progress lines; with many runs in parallel they would
    // interleave into noise, so the grader shows only its own table and the failures.
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    List<SeedRunner.Outcome> outcomes = runAll(tests, o, out);
    System.setOut(out);
    boolean ok = report(tests, outcomes, points, o, out);
    System.exit(ok ? 0 : 1);
  }

  private static List<LabTestCatalog.LabTest> select(List<LabTestCatalog.LabTest> all, Options o) {
    List<LabTestCatalog.LabTest> chosen = new ArrayList<>();
    for (LabTestCatalog.LabTest t : all) {
      boolean nameOk = o.names.isEmpty() || o.names.contains(t.name());
      boolean partOk = o.parts.isEmpty() ? (!o.names.isEmpty() || GRADED_PARTS.contains(t.part()))
          : o.parts.contains(t.part());
      if (nameOk && partOk) {
        chosen.add(t);
      }
    }
    return chosen;
  }

  private static List<SeedRunner.Outcome> runAll(List<LabTestCatalog.LabTest> tests, Options o, PrintStream out)
      throws Exception {
    int total = tests.size() * o.seeds;
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    boolean interactive = System.console() != null;
    int step = Math.max(1, total / 20);
    ExecutorService pool = Executors.newFixedThreadPool(o.jobs);
    List<Future<SeedRunner.Outcome>> futures = new ArrayList<>();
    long start = System.nanoTime(); // wall-clock ok
    for (LabTestCatalog.LabTest t : tests) {
      for (int i = 0; i < o.seeds; i++) {
        long seed = o.firstSeed + i;
        futures.add(pool.submit(() -> {
          SeedRunner.Outcome r = SeedRunner.run(t, seed, Map.of());
          int n = done.incrementAndGet();
          if (!r.passed()) {
            failed.incrementAndGet();
          }
          synchronized (out) {
            String line = String.format("[%d/%d] %s seed %d %s  (failed so far: %d)", n, total, t.name(), seed,
                r.passed() ? "PASS" : "FAIL", failed.get());
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
    out.printf("%s%d runs in %.1f s wall on %d worker threads%n%n", interactive ? "\n" : "", total, wall / 1000.0, o.jobs);
    return outcomes;
  }

  private static boolean report(List<LabTestCatalog.LabTest> tests, List<SeedRunner.Outcome> outcomes,
      PointsTable points, Options o, PrintStream out) {
    Map<LabTestCatalog.LabTest, List<SeedRunner.Outcome>> byTest = new LinkedHashMap<>();
    for (LabTestCatalog.LabTest t : tests) {
      byTest.put(t, new ArrayList<>());
    }
    for (SeedRunner.Outcome r : outcomes) {
      byTest.get(r.test()).add(r);
    }
    int width = Math.max(4, tests.stream().mapToInt(t -> t.name().length()).max().orElse(4));
    String fmt = "%-" + width + "s | %-4s | %5s | %6s | %6s | %9s%n";
    out.printf(fmt, "test", "part", "seeds", "passed", "points", "wall ms");
    out.println("-".repeat(width + 48));
    int earned = 0;
    int possible = 0;
    List<SeedRunner.Outcome> failures = new ArrayList<>();
    String lastPart = null;
    int partEarned = 0;
    int partPossible = 0;
    for (Map.Entry<LabTestCatalog.LabTest, List<SeedRunner.Outcome>> e : byTest.entrySet()) {
      LabTestCatalog.LabTest t = e.getKey();
      List<SeedRunner.Outcome> rs = e.getValue();
      long passed = rs.stream().filter(SeedRunner.Outcome::passed).count();
      int p = points.pointsOf(t.name());
      int got = passed == rs.size() ? p : 0;
      earned += got;
      possible += p;
      long wall = rs.stream().mapToLong(SeedRunner.Outcome::wallMillis).sum();
      out.printf(fmt, t.name(), t.part(), rs.size(), passed, got + "/" + p, wall);
      rs.stream().filter(r -> !r.passed()).forEach(failures::add);
    }
    out.println("-".repeat(width + 48));
    if (!failures.isEmpty()) {
      out.println();
      out.println("failures (" + failures.size() + "):");
      for (SeedRunner.Outcome f : failures) {
        String first = f.failure() == null ? "" : f.failure().lines().findFirst().orElse("");
        out.println("  " + f.test().name() + " seed " + f.seed() + ": " + first);
        out.println("    replay: test-scripts/replay " + f.test().name() + " --seed " + f.seed()
            + (o.impl == null ? "" : " --impl " + o.impl));
      }
      out.println();
    }
    out.println("total: " + earned + "/" + possible + " points");
    return failures.isEmpty();
  }

  /** Command-line options of the grader. */
  static final class Options {
    static final String USAGE = "usage: grade [PART...] [--seeds K] [--first-seed N] [--impl CLASS] [--test NAME]... [--jobs J]";
    final Set<String> parts = new LinkedHashSet<>();
    final Set<String> names = new LinkedHashSet<>();
    int seeds = 1;
    long firstSeed = 1;
    String impl;
    int jobs = Runtime.getRuntime().availableProcessors();

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--seeds" -> o.seeds = positive(a, value(args, ++i, a));
          case "--first-seed" -> o.firstSeed = Long.parseLong(value(args, ++i, a));
          case "--impl" -> o.impl = value(args, ++i, a);
          case "--test" -> o.names.add(value(args, ++i, a));
          case "--jobs" -> o.jobs = positive(a, value(args, ++i, a));
          case "-h", "--help" -> throw new IllegalArgumentException("help");
          default -> {
            if (a.startsWith("-")) {
              throw new IllegalArgumentException("unknown option " + a);
            }
            o.parts.add(a.toUpperCase());
          }
        }
      }
      return o;
    }

    private static String value(String[] args, int i, String opt) {
      if (i >= args.length) {
        throw new IllegalArgumentException(opt + " needs a value");
      }
      return args[i];
    }

    private static int positive(String opt, String v) {
      try {
        int n = Integer.parseInt(v);
        if (n < 1) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(opt + " needs a positive integer, got '" + v + "'");
      }
    }
  }
}
