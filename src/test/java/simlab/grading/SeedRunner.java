package simlab.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs one simulated test at one seed through the JUnit Platform and reports the outcome. */
final class SeedRunner {

  /** The outcome of one (test, seed) run. */
  record Outcome(
      LabTestCatalog.LabTest test,
      long seed,
      boolean passed,
      String failure,
      String traceHash,
      long wallMillis,
      List<String> warnings,
      String traceFile,
      String traceError,
      String reportFile) {}

  private SeedRunner() {}

  static Outcome run(LabTestCatalog.LabTest test, long seed, Map<String, String> extraConfig) {
    Map<String, String> config = new LinkedHashMap<>(extraConfig);
    config.put("sim.seed", Long.toString(seed));
    config.put("sim.seeds", "1");
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .filters(org.junit.platform.launcher.EngineFilter.includeEngines("junit-jupiter"))
            .selectors(selectMethod(test.testClass(), test.method()))
            .configurationParameters(config)
            .build();
    Collector collector = new Collector();
    Launcher launcher = LauncherFactory.create();
    long start =
        System.nanoTime(); // wall-clock ok: the grader measures real time outside simulations
    launcher.execute(request, collector);
    long wall = (System.nanoTime() - start) / 1_000_000; // wall-clock ok
    boolean passed = collector.ran && collector.failure == null;
    String failure = collector.failure;
    if (!collector.ran && failure == null) {
      failure = "the test did not run (is it a @SimTest?)";
    }
    return new Outcome(
        test,
        seed,
        passed,
        failure,
        collector.traceHash,
        wall,
        List.copyOf(collector.warnings),
        collector.traceFile,
        collector.traceError,
        collector.reportFile);
  }

  private static final class Collector implements TestExecutionListener {
    boolean ran;
    String failure;
    String traceHash = "-";
    final List<String> warnings = new ArrayList<>();
    String traceFile;
    String traceError;
    String reportFile;

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
      if (id.isTest()) {
        ran = true;
      }
      if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && failure == null) {
        failure =
            result.getThrowable().map(SeedRunner::describe).orElse(result.getStatus().toString());
      }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
      entry
          .getKeyValuePairs()
          .forEach(
              (k, v) -> {
                switch (k) {
                  case "trace-hash" -> traceHash = v;
                  case "warning" -> warnings.add(v);
                  case "trace-file" -> traceFile = v;
                  case "trace-error" -> traceError = v;
                  case "report-file" -> reportFile = v;
                  default -> {}
                }
              });
    }
  }

  static String describe(Throwable t) {
    String m = t.getMessage();
    return m == null ? t.toString() : m;
  }
}
