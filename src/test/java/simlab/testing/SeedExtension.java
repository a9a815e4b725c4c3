package simlab.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import simlab.sim.Simulation;

/**
 * Gives every {@link SimTest} its seeds, injects the {@link Seed}, reports the trace hash of the
 * run (report entry {@code trace-hash}) and rewrites a failure so that it names the seed and the
 * exact command that replays it.
 */
public final class SeedExtension implements TestTemplateInvocationContextProvider {
  public static final long DEFAULT_SEED = 1;

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getRequiredTestMethod().isAnnotationPresent(SimTest.class);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    String name = testName(context);
    // the run report needs the kept trace: kept unless both the export and the report are off
    boolean keepTrace =
        context.getConfigurationParameter("sim.trace").isPresent()
            || RunReports.mode(context) != RunReports.Mode.OFF;
    // A 2025 class is tagged "2025-<part>"; its replay command must say --year 2025, because
    // test names repeat across years.
    int year = context.getTags().stream().anyMatch(t -> t.startsWith("2025-")) ? 2025 : 2024;
    return seeds(context).mapToObj(s -> invocation(new Seed(s, name, year, keepTrace)));
  }

  /**
   * The seeds a test runs with: {@code sim.seed} (default 1) and the {@code sim.seeds - 1} after
   * it. Simulated tests and property tests ({@code simlab.testing.property}) both use it.
   */
  public static LongStream seeds(ExtensionContext context) {
    long base = parseLong(context, "sim.seed", DEFAULT_SEED);
    long count = parseLong(context, "sim.seeds", 1);
    if (count < 1) {
      throw new IllegalArgumentException("sim.seeds must be at least 1, got " + count);
    }
    return LongStream.range(base, base + count);
  }

  /** The 6.5840 name of a test method: the {@link SimTest#name()} or else the method name. */
  public static String testName(ExtensionContext context) {
    SimTest a = context.getRequiredTestMethod().getAnnotation(SimTest.class);
    return a == null || a.name().isEmpty() ? context.getRequiredTestMethod().getName() : a.name();
  }

  private static long parseLong(ExtensionContext context, String key, long dflt) {
    return context
        .getConfigurationParameter(key)
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(
            s -> {
              try {
                return Long.parseLong(s);
              } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be an integer, got '" + s + "'");
              }
            })
        .orElse(dflt);
  }

  private static TestTemplateInvocationContext invocation(Seed seed) {
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return seed.testName() + " [seed " + seed.value() + "]";
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of(new SeedBinding(seed));
      }
    };
  }

  /** Per-invocation callbacks bound to one seed. */
  private static final class SeedBinding
      implements ParameterResolver, TestExecutionExceptionHandler, AfterTestExecutionCallback {
    private final Seed seed;

    SeedBinding(Seed seed) {
      this.seed = seed;
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
      return p.getParameter().getType() == Seed.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
      return seed;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
      List<Simulation> sims = seed.simulations();
      if (!sims.isEmpty()) {
        Simulation last = sims.get(sims.size() - 1);
        context.publishReportEntry("trace-hash", last.trace().hashHex());
        context
            .getConfigurationParameter("sim.trace")
            .ifPresent(
                file -> {
                  if (last.trace().keepsLines()) {
                    writeTrace(context, last, file);
                  }
                });
      }
      for (String w : seed.warnings()) {
        context.publishReportEntry("warning", w);
      }
      if (context.getExecutionException().isEmpty()
          && RunReports.mode(context) == RunReports.Mode.ALWAYS) {
        // replay prints the path itself; mvn test users see it here
        RunReports.write(context, seed, null)
            .filter(p -> context.getConfigurationParameter("sim.report.dir").isEmpty())
            .ifPresent(p -> System.out.println("report: " + p));
      }
      context.publishReportEntry("seed", Long.toString(seed.value()));
    }

    /** Writes the trace; a write error is reported beside the verdict and never changes it. */
    private void writeTrace(ExtensionContext context, Simulation last, String file) {
      Path path = TraceFiles.pathFor(file, seed.testName(), seed.value());
      try {
        last.trace().exportJsonLines(path);
        if (!path.equals(Path.of(file))) {
          // Another run already wrote FILE: name the file this one went to.
          System.out.println("trace: " + path + " (" + file + " holds another run's trace)");
        }
        context.publishReportEntry("trace-file", path.toString());
      } catch (RuntimeException e) {
        String why =
            e.getCause() == null ? e.toString() : e.getMessage() + " (" + e.getCause() + ")";
        System.err.println("trace: not written: " + why);
        context.publishReportEntry("trace-error", why);
      }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure)
        throws Throwable {
      if (failure instanceof org.opentest4j.TestAbortedException) {
        throw failure;
      }
      String msg = failure.getMessage() == null ? failure.toString() : failure.getMessage();
      if (!(failure instanceof AssertionError)
          && !(failure instanceof simlab.sim.SimulationFailure)) {
        msg = failure.toString();
      }
      String report =
          RunReports.mode(context) == RunReports.Mode.OFF
              ? ""
              : RunReports.write(context, seed, msg).map(p -> "\n  report: " + p).orElse("");
      AssertionError wrapped =
          new AssertionError(
              seed.testName()
                  + " failed with seed "
                  + seed.value()
                  + ": "
                  + msg
                  + "\n  replay: "
                  + seed.replayCommand()
                  + report,
              failure);
      wrapped.setStackTrace(failure.getStackTrace());
      throw wrapped;
    }
  }
}
