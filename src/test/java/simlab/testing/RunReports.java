package simlab.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import simlab.report.RunReport;
import simlab.sim.Simulation;

/**
 * When a simulated test writes its run report (simlab.report): {@code -Dsim.report=failure} (the
 * default) on every failure, {@code always} for passing runs too, {@code off} never (and then no
 * trace is kept, which saves memory in long sweeps). Reports go to {@code
 * target/reports/<test>-seed<N>/index.html}, or to {@code sim.report.dir} when set (replay --report
 * DIR). Test infrastructure outside any simulation.
 */
final class RunReports {
  static final Path DEFAULT_DIR = Path.of("target", "reports");

  enum Mode {
    OFF,
    FAILURE,
    ALWAYS
  }

  private RunReports() {}

  static Mode mode(ExtensionContext context) {
    String v = context.getConfigurationParameter("sim.report").map(String::trim).orElse("failure");
    return switch (v) {
      case "off", "false", "never" -> Mode.OFF;
      case "always", "true" -> Mode.ALWAYS;
      case "failure", "", "on-failure" -> Mode.FAILURE;
      default ->
          throw new IllegalArgumentException(
              "sim.report must be off, failure or always, got '" + v + "'");
    };
  }

  /** The directory this run's report goes to. */
  static Path dir(ExtensionContext context, Seed seed) {
    return context
        .getConfigurationParameter("sim.report.dir")
        .filter(s -> !s.isBlank())
        .map(Path::of)
        .orElse(DEFAULT_DIR.resolve(seed.testName() + "-seed" + seed.value()));
  }

  /**
   * Writes the report of the test's last simulation; returns its path, or empty when the simulation
   * kept no trace. A write error is printed and never changes the verdict.
   */
  static Optional<Path> write(ExtensionContext context, Seed seed, String failure) {
    if (seed.simulations().isEmpty()) {
      return Optional.empty();
    }
    Simulation last = seed.simulations().get(seed.simulations().size() - 1);
    if (!last.trace().keepsLines()) {
      return Optional.empty();
    }
    Path history =
        Path.of("target", "histories", seed.testName() + "-seed" + seed.value() + ".html");
    try {
      // a view left by an earlier run of the same seed is not this run's: link only a fresh one
      if (!Files.exists(history)
          || Files.getLastModifiedTime(history).toMillis() < seed.createdMillis()) {
        history = null;
      }
      RunReport.Info info =
          new RunReport.Info(
              seed.testName(),
              seed.value(),
              failure == null,
              failure,
              seed.replayCommand(),
              last.trace().hashHex(),
              history);
      Path file = RunReport.write(last, info, dir(context, seed)).file();
      context.publishReportEntry("report-file", file.toString());
      return Optional.of(file);
    } catch (java.io.IOException | RuntimeException e) {
      System.err.println("report: not written: " + e.getMessage());
      context.publishReportEntry("report-error", String.valueOf(e.getMessage()));
      return Optional.empty();
    }
  }
}
