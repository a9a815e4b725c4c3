package simlab.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

/**
 * Finds every {@link SimTest} on the test classpath, with its 6.5840 name, curriculum year and lab
 * part, and assembles each year's suites.
 *
 * <p>Years: a class tagged {@code "2025-<part>"} belongs to 2025; any other tag is 2024's (the
 * suites' original layout). The 2025 suites are the 2025-tagged classes plus 2024's Raft (3A–3D),
 * which 6.5840 kept, except the two 3D tests 2025 changed ({@link #REPLACED_IN_2025}): their 2025
 * variants, tagged "2025-3D", take their place. Test names repeat across years (TestBasic4A is a KV
 * test in 2024 and an rsm test in 2025), so a name identifies a test only within a year.
 */
final class LabTestCatalog {
  private static final Logger LOG = Logs.get(LabTestCatalog.class);

  /** The years the suites know, oldest first. */
  static final List<Integer> YEARS = List.of(2024, 2025);

  /**
   * The year grade and replay use without {@code --year}: 2024 until every 2025 lab is in the build
   * (see README, "Which year").
   */
  static final int DEFAULT_YEAR = 2024;

  /** The prefix of a 2025 tag: "2025-4A" is part 4A of 2025. */
  static final String PREFIX_2025 = "2025-";

  /** The lab parts graded in each year; every test in them must carry {@code @Points}. */
  static final Map<Integer, Set<String>> GRADED_PARTS =
      Map.of(
          2024, Set.of("2", "3A", "3B", "3C", "3D", "4A", "4B", "5A", "5B"),
          2025, Set.of("2", "3A", "3B", "3C", "3D", "4A", "4B", "4C", "5A", "5B", "5C"));

  /** 2024's Raft parts, which the 2025 suites reuse. */
  static final Set<String> RAFT_PARTS = Set.of("3A", "3B", "3C", "3D");

  /** The 2024 tests 2025 replaced by variants of the same name (on an unreliable network). */
  static final Set<String> REPLACED_IN_2025 =
      Set.of("TestSnapshotAllCrash3D", "TestSnapshotInit3D");

  /**
   * One simulated test: its 6.5840 name, the year whose suite it is in, the part within that year,
   * the JUnit tag of its class ("3A", "2025-4A"; what {@code ImplementationKind.forPart} takes) and
   * where it lives.
   */
  record LabTest(
      String name, int year, String part, String tag, Class<?> testClass, Method method) {
    boolean graded() {
      return GRADED_PARTS.getOrDefault(year, Set.of()).contains(part);
    }

    /** Where the test is written, e.g. {@code simlab.raft.Raft3ATest#reElection}. */
    String location() {
      return testClass.getName() + "#" + method.getName();
    }

    /** The same test as a member of another year's suite (2024's Raft in 2025). */
    LabTest inYear(int y) {
      return new LabTest(name, y, part, tag, testClass, method);
    }
  }

  private LabTestCatalog() {}

  /**
   * The year of {@code --year}'s value.
   *
   * @throws IllegalArgumentException "needs 2024 or 2025, got '…'"
   */
  static int parseYear(String v) {
    for (int y : YEARS) {
      if (v.trim().equals(Integer.toString(y))) {
        return y;
      }
    }
    throw new IllegalArgumentException("needs 2024 or 2025, got '" + v + "'");
  }

  /** The part a tag names: "2025-4A" → 4A, "3B" → 3B. */
  static String partOfTag(String tag) {
    return tag.startsWith(PREFIX_2025) ? tag.substring(PREFIX_2025.length()) : tag;
  }

  /** The year a tag belongs to: 2025 for "2025-…", 2024 for any other. */
  static int yearOfTag(String tag) {
    return tag.startsWith(PREFIX_2025) ? 2025 : 2024;
  }

  /** One year's suites (see the class comment), sorted by part, class and method. */
  static List<LabTest> forYear(int year) {
    return forYear(year, discover());
  }

  static List<LabTest> forYear(int year, List<LabTest> all) {
    List<LabTest> out = new ArrayList<>();
    for (LabTest t : all) {
      if (t.year() == year) {
        out.add(t);
      } else if (year == 2025
          && t.year() == 2024
          && RAFT_PARTS.contains(t.part())
          && !REPLACED_IN_2025.contains(t.name())) {
        out.add(t.inYear(2025));
      }
    }
    out.sort(ORDER);
    return out;
  }

  /** The graded parts of {@code year} that have at least one test in this build, sorted. */
  static Set<String> partsPresent(int year, List<LabTest> ofYear) {
    Set<String> present = new TreeSet<>();
    for (LabTest t : ofYear) {
      if (t.graded()) {
        present.add(t.part());
      }
    }
    return present;
  }

  /** The graded parts of {@code year} that have no test in this build, sorted. */
  static Set<String> partsMissing(int year, List<LabTest> ofYear) {
    Set<String> missing = new TreeSet<>(GRADED_PARTS.get(year));
    missing.removeAll(partsPresent(year, ofYear));
    return missing;
  }

  private static final Comparator<LabTest> ORDER =
      Comparator.comparingInt(LabTest::year)
          .thenComparing(LabTest::part)
          .thenComparing(t -> t.testClass().getName())
          .thenComparing(t -> t.method().getName());

  /** Every simulated test as written, each in the year of its tag. */
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
            String tag = tagOf(ms.getJavaClass());
            tests.add(new LabTest(name, yearOfTag(tag), partOfTag(tag), tag, ms.getJavaClass(), m));
          }
        }
      }
    }
    tests.sort(ORDER);
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "discovered {} simulated tests, {} in graded parts",
          tests.size(),
          tests.stream().filter(LabTest::graded).count());
    }
    return tests;
  }

  private static String tagOf(Class<?> c) {
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
