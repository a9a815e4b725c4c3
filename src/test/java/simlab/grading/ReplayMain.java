package simlab.grading;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import simlab.harness.ImplementationChoice;
import simlab.harness.ImplementationKind;

/**
 * test-scripts/replay: runs one test (by its 6.5840 name) at one seed with its full output, and
 * ends with {@code result: PASS|FAIL} and {@code trace-hash: <hex>}. Exit codes: 0 passed, 1
 * failed, 2 bad options, test name or implementation (nothing ran). The options are read by picocli
 * ({@link CommandLines}).
 */
@Command(
    name = "replay",
    sortOptions = false,
    usageHelpAutoWidth = false,
    customSynopsis =
        "replay <TestName> --seed=N [--year=2024|2025] [--trace=FILE.jsonl] [--report=DIR]"
            + " [--impl=[KIND=]CLASS]... [-h]",
    description =
        "Runs one simulated test at one seed with its full output; the last two lines are "
            + "'result: PASS|FAIL' and 'trace-hash: <hex>'.",
    footerHeading = "%n",
    footer = {
      "KIND: kvsrv, raft, kv, shardctrler, shardkv, kvsrv1, ... (without KIND=, the",
      "      interface the class implements picks it).",
      "Exit codes: 0 passed, 1 failed, 2 bad option, value, test name,",
      "--trace path, --report directory or implementation (one line on stderr, nothing run)."
    })
public final class ReplayMain implements Callable<Integer> {
  @Parameters(
      paramLabel = "TestName",
      arity = "0..*",
      description = "The test's 6.5840 name, e.g. TestFigure83C (see labs/*.md).")
  private List<String> names = new ArrayList<>();

  @Option(
      names = "--seed",
      paramLabel = "N",
      converter = CommandLines.WholeNumber.class,
      description = "The seed to run (required).")
  private Long seed;

  @Option(
      names = "--year",
      paramLabel = "YEAR",
      converter = CommandLines.Year.class,
      description =
          "The curriculum's year whose test to run: 2024 or 2025 (default: ${DEFAULT-VALUE});"
              + " names repeat across years.")
  private int year = LabTestCatalog.DEFAULT_YEAR;

  @Option(
      names = "--trace",
      paramLabel = "FILE.jsonl",
      converter = CommandLines.Word.class,
      description = "Also export the run's trace as JSON Lines to this file.")
  private String trace;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      converter = CommandLines.Word.class,
      description = "Also write the run's HTML timeline to DIR/index.html.")
  private String report;

  @Option(
      names = "--impl",
      paramLabel = "[KIND=]CLASS",
      converter = CommandLines.Word.class,
      description =
          "Run this class (a factory of the test's lab) instead of the reference; repeatable.")
  private List<String> impls = new ArrayList<>();

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Print this help and exit.")
  private boolean help;

  @Spec private CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;

  private ReplayMain(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The whole replay; returns the exit code instead of exiting (tests call it in-process). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return CommandLines.execute("replay", new ReplayMain(out, err), args, out, err);
  }

  @Override
  public Integer call() {
    // Checked here rather than by picocli's `required`, so the message says what to add.
    if (names.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "a test name is required");
    }
    if (names.size() > 1) {
      throw new ParameterException(
          spec.commandLine(), "one test name only, got " + names.get(0) + " and " + names.get(1));
    }
    if (seed == null) {
      throw new ParameterException(spec.commandLine(), "--seed N is required");
    }
    String name = names.get(0);
    List<LabTestCatalog.LabTest> all = LabTestCatalog.discover();
    List<LabTestCatalog.LabTest> matches =
        LabTestCatalog.forYear(year, all).stream().filter(t -> t.name().equals(name)).toList();
    if (matches.isEmpty()) {
      int other = year == 2025 ? 2024 : 2025;
      boolean inOther =
          LabTestCatalog.forYear(other, all).stream().anyMatch(t -> t.name().equals(name));
      err.println(
          "replay: no simulated test named "
              + name
              + " in "
              + year
              + "'s suites"
              + (inOther
                  ? " (it is a "
                      + other
                      + " test: "
                      + (other == 2024 ? "drop --year 2025" : "add --year 2025")
                      + ")"
                  : " (names are the 6.5840 ones, e.g. TestReElection3A; see labs/*.md and labs/2025/*.md)"));
      return 2;
    }
    LabTestCatalog.LabTest test = matches.get(0);
    ImplementationChoice choice;
    try {
      choice =
          ImplementationChoice.resolve(
              impls, System.getProperties(), ImplementationKind.forPart(test.tag()));
    } catch (IllegalArgumentException e) {
      err.println("replay: " + e.getMessage());
      return 2;
    }
    if (trace != null) {
      Optional<String> problem = TracePath.problem(trace);
      if (problem.isPresent()) {
        err.println("replay: " + problem.get());
        return 2;
      }
    }
    if (report != null) {
      Optional<String> problem = ReportDir.problem(report);
      if (problem.isPresent()) {
        err.println("replay: " + problem.get());
        return 2;
      }
    }
    Map<String, String> config = new LinkedHashMap<>();
    if (trace != null) {
      config.put("sim.trace", trace);
    }
    if (report != null) {
      config.put("sim.report", "always");
      config.put("sim.report.dir", report);
    }
    SeedRunner.Outcome r;
    try (ImplementationSwitches switches = ImplementationSwitches.apply(choice)) {
      for (ImplementationKind k : choice.used()) {
        out.println(
            "implementation: "
                + k.shortName()
                + " = "
                + choice.classFor(k)
                + (choice.isReference(k) ? " (reference)" : ""));
      }
      out.flush();
      r = SeedRunner.run(test, seed, config);
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
