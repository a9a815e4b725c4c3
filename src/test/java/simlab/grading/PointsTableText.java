package simlab.grading;

import java.io.PrintStream;
import java.util.List;

/**
 * The points table as text, one row per test, for {@code grade} and {@code grade merge}: both must
 * print the same columns and count points the same way (a test earns its points only if every one
 * of its seeds passed), so the rule and the layout live here once.
 */
final class PointsTableText {
  /**
   * One test's line.
   *
   * @param wallMillis summed wall time of its runs, or null where it is not known (a merge of
   *     result files)
   */
  record Row(
      String test,
      int year,
      String part,
      int seeds,
      long passed,
      int points,
      Long wallMillis,
      String implementation) {
    int earned() {
      return passed == seeds ? points : 0;
    }
  }

  private PointsTableText() {}

  /** Prints the header, the rows and the closing rule; the wall column only if a row has one. */
  static void print(List<Row> rows, PrintStream out) {
    boolean wall = rows.stream().anyMatch(r -> r.wallMillis() != null);
    int width = Math.max(4, rows.stream().mapToInt(r -> r.test().length()).max().orElse(4));
    String fmt =
        "%-" + width + "s | %-4s | %-4s | %5s | %6s | %6s | " + (wall ? "%9s | %s%n" : "%s%s%n");
    int rule = width + (wall ? 73 : 57);
    out.printf(
        fmt,
        "test",
        "year",
        "part",
        "seeds",
        "passed",
        "points",
        wall ? "wall ms" : "",
        "implementation");
    out.println("-".repeat(rule));
    for (Row r : rows) {
      out.printf(
          fmt,
          r.test(),
          r.year(),
          r.part(),
          r.seeds(),
          r.passed(),
          r.earned() + "/" + r.points(),
          wall ? String.valueOf(r.wallMillis()) : "",
          r.implementation());
    }
    out.println("-".repeat(rule));
  }

  static int earned(List<Row> rows) {
    return rows.stream().mapToInt(Row::earned).sum();
  }

  static int possible(List<Row> rows) {
    return rows.stream().mapToInt(Row::points).sum();
  }
}
