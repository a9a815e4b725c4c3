package simlab.grading;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import simlab.logging.Logs;
import simlab.testing.Points;

/**
 * Points per test, read from the {@link Points} annotation on each test method: the one place where
 * points are written down (the handouts' tables mirror it, see {@link HandoutPoints}). A test of a
 * graded part without {@code @Points} is an error, so a forgotten annotation can never silently
 * score 0.
 */
final class PointsTable {
  private static final Logger LOG = Logs.get(PointsTable.class);
  private final Map<String, Integer> points;
  private final Map<String, String> location;

  private PointsTable(Map<String, Integer> points, Map<String, String> location) {
    this.points = Collections.unmodifiableMap(points);
    this.location = Collections.unmodifiableMap(location);
  }

  /**
   * Reads the annotations of {@code tests}.
   *
   * @throws IllegalArgumentException one line naming every graded test without {@code @Points},
   *     with a value below 1, or sharing its name with a test worth different points
   */
  static PointsTable fromAnnotations(List<LabTestCatalog.LabTest> tests) {
    Map<String, Integer> points = new TreeMap<>();
    Map<String, String> location = new TreeMap<>();
    List<String> missing = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    for (LabTestCatalog.LabTest t : tests) {
      Points p = t.method().getAnnotation(Points.class);
      if (p == null) {
        if (t.graded()) {
          missing.add(t.name() + " (" + t.location() + ", part " + t.part() + ")");
        }
        continue;
      }
      if (p.value() < 1) {
        invalid.add(
            t.name()
                + " ("
                + t.location()
                + ") has @Points("
                + p.value()
                + "), expected at least 1");
        continue;
      }
      Integer old = points.putIfAbsent(t.name(), p.value());
      if (old != null && old != p.value()) {
        invalid.add(
            t.name()
                + " has @Points("
                + old
                + ") on "
                + location.get(t.name())
                + " but @Points("
                + p.value()
                + ") on "
                + t.location());
      }
      location.putIfAbsent(t.name(), t.location());
    }
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add(
          "graded test"
              + (missing.size() == 1 ? "" : "s")
              + " without @Points: "
              + String.join(", ", missing)
              + "; annotate each such test method with @Points(n)");
    }
    problems.addAll(invalid);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "points from @Points on {} tests, {} in all",
          points.size(),
          points.values().stream().mapToInt(Integer::intValue).sum());
    }
    return new PointsTable(points, location);
  }

  /** The points of a test; 0 for a test outside the graded parts that has no {@code @Points}. */
  int pointsOf(String test) {
    return points.getOrDefault(test, 0);
  }

  boolean has(String test) {
    return points.containsKey(test);
  }

  /** Every annotated test by name, in name order. */
  Map<String, Integer> byName() {
    return points;
  }

  /** Where the annotated test is written (class#method), or null if it has no {@code @Points}. */
  String locationOf(String test) {
    return location.get(test);
  }
}
