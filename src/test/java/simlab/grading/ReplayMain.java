package simlab.grading;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import simlab.harness.ImplementationChoice;
import simlab.harness.ImplementationKind;

/**
 * test-scripts/replay: runs one test (by its 6.5840 name) at one seed with its full
 * output, and ends with {@code result: PASS|FAIL} and {@code trace-hash: <hex>}.
 * Exit codes: 0 passed, 1 failed, 2 bad options, test name or implementation (nothing ran).
 */
public final class ReplayMain {
  static final String USAGE = "usage: replay <TestName> --seed N [--trace FILE.jsonl] [--report DIR] [--impl [KIND=]CLASS]...   "
      + "(KIND: kvsrv, raft, kv, shardctrler, shardkv)";

  private ReplayMain() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The parsed command line. */
  record Options(String name, long seed, String trace, String report, List<String> impls) {
    static Options parse(String[] args) {
      String name = null;
      Long seed = null;
      String trace = null;
      String report = null;
      List<String> impls = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--seed" -> seed = Args.integer(a, Args.value(args, ++i, a));
          case "--trace" -> trace = Args.value(args, ++i, a);
          case "--report" -> report = Args.value(args, ++i, a);
          case "--impl" -> impls.add(Args.value(args, ++i, a));
          case "-h", "--help" -> throw new IllegalArgumentException("help");
          default -> {
            if (a.startsWith("-")) {
              throw new IllegalArgumentException("unknown option " + a);
            }
            if (name != null) {
              throw new IllegalArgumentException("one test name only, got " + name + " and " + a);
            }
            name = a;
          }
        }
      }
      if (name == null) {
        throw new IllegalArgumentException("a test name is required");
      }
      if (seed == null) {
        throw new IllegalArgumentException("--seed N is required");
      }
      return new Options(name, seed, trace, report, List.copyOf(impls));
    }
  }

  /** The whole replay; returns the exit code instead of exiting (tests call it in-process). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      if (e.getMessage().equals("help")) {
        out.println(USAGE);
        return 0;
      }
      err.println("replay: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    List<LabTestCatalog.LabTest> matches = LabTestCatalog.discover().stream()
        .filter(t -> t.name().equals(o.name())).toList();
    if (matches.isEmpty()) {
      err.println("replay: no simulated test named " + o.name()
          + " (names are the 6.5840 ones, e.g. TestReElection3A; see labs/*.md)");
      return 2;
    }
    LabTestCatalog.LabTest test = matches.get(0);
    ImplementationChoice choice;
    try {
      choice = ImplementationChoice.resolve(o.impls(), System.getProperties(),
          ImplementationKind.forPart(test.part()));
    } catch (IllegalArgumentException e) {
      err.println("replay: " + e.getMessage());
      return 2;
    }
    if (o.trace() != null) {
      Optional<String> problem = TracePath.problem(o.trace());
      if (problem.isPresent()) {
        err.println("replay: " + problem.get());
        return 2;
      }
    }
    if (o.report() != null) {
      Optional<String> problem = ReportDir.problem(o.report());
      if (problem.isPresent()) {
        err.println("replay: " + problem.get());
        return 2;
      }
    }
    Map<String, String> config = new LinkedHashMap<>();
    if (o.trace() != null) {
      config.put("sim.trace", o.trace());
    }
    if (o.report() != null) {
      config.put("sim.report", "always");
      config.put("sim.report.dir", o.report());
    }
    SeedRunner.Outcome r;
    try (ImplementationSwitches switches = ImplementationSwitches.apply(choice)) {
      for (ImplementationKind k : choice.used()) {
        out.println("implementation: " + k.shortName() + " = " + choice.classFor(k)
            + (choice.isReference(k) ? " (reference)" : ""));
      }
      out.flush();
      r = SeedRunner.run(test, o.seed(), config);
    }
    System.out.flush();
    for (String w : r.warnings()) {
      out.println("warning: " + w);
    }
    if (!r.passed()) {
      out.println("failure: " + r.failure());
    }
    if (r.traceFile() != null) {
      out.println("trace: " + r.traceFile());
    }
    if (r.reportFile() != null) {
      out.println("report: " + r.reportFile());
    }
    if (r.traceError() != null) {
      // A trace that could not be written is reported apart; the verdict stays the run's own.
      err.println("replay: trace not written: " + r.traceError());
    }
    out.println("result: " + (r.passed() ? "PASS" : "FAIL"));
    out.println("trace-hash: " + r.traceHash());
    return r.passed() ? 0 : 1;
  }
}
