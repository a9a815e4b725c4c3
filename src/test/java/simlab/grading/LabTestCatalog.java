package simlab.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.slf4j.Logger;
import simlab.logging.Logs;
import simlab.testing.SimTest;

/** Finds every {@link SimTest} on the test classpath, with its 6.5840 name and lab part. */
final class LabTestCatalog {
  private static final Logger LOG = Logs.get(LabTestCatalog.class);

  /** The lab parts the grader runs by default; every test in them must carry {@code @Points}. */
  static final Set<String> GRADED_PARTS =
      Set.of("2", "3A", "3B", "3C", "3D", "4A", "4B", "5A", "5B");

  /** One simulated test: its 6.5840 name, the lab part (JUnit tag) and where it lives. */
  record LabTest(String name, String part, Class<?> testClass, Method method) {
    boolean graded() {
      return GRADED_PARTS.contains(part);
    }

    /** Where the test is written, e.g. {@code simlab.raft.Raft3ATest#reElection}. */
    String location() {
      return testClass.getName() + "#" + method.getName();
    }
  }

  private LabTestCatalog() {}

  static List<LabTest> discover() {
    return discover(true);
  }

  /**
   * @param prefilter load only the classes that can hold a {@code @SimTest} ({@link
   *     SimTestClassFilter}); false loads every test class (a test compares the two)
   */
  static List<LabTest> discover(boolean prefilter) {
    Launcher launcher = LauncherFactory.create();
    LauncherDiscoveryRequestBuilder builder =
        LauncherDiscoveryRequestBuilder.request()
            .filters(org.junit.platform.launcher.EngineFilter.includeEngines("junit-jupiter"))
            .selectors(selectPackage("simlab"));
    if (prefilter) {
      builder.filters(new SimTestClassFilter(LabTestCatalog.class.getClassLoader()));
    }
    LauncherDiscoveryRequest request = builder.build();
    TestPlan plan = launcher.discover(request);
    List<LabTest> tests = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier id : plan.getDescendants(root)) {
        if (id.getSource().orElse(null) instanceof MethodSource ms) {
          Method m = ms.getJavaMethod();
          SimTest a = m.getAnnotation(SimTest.class);
          if (a == null) {
            continue;
          }
          String name = a.name().isEmpty() ? m.getName() : a.name();
          if (seen.add(name + "@" + ms.getClassName())) {
            tests.add(new LabTest(name, partOf(ms.getJavaClass()), ms.getJavaClass(), m));
          }
        }
      }
    }
    tests.sort(
        Comparator.comparing(LabTest::part)
            .thenComparing(t -> t.testClass().getName())
            .thenComparing(t -> t.method().getName()));
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "discovered {} simulated tests, {} in the graded parts {}",
          tests.size(),
          tests.stream().filter(LabTest::graded).count(),
          new TreeSet<>(GRADED_PARTS));
    }
    return tests;
  }

  private static String partOf(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      Tag t = k.getAnnotation(Tag.class);
      if (t != null) {
        return t.value();
      }
      org.junit.jupiter.api.Tags ts = k.getAnnotation(org.junit.jupiter.api.Tags.class);
      if (ts != null && ts.value().length > 0) {
        return ts.value()[0].value();
      }
    }
    return "untagged";
  }
}
