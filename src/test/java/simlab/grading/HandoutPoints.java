package simlab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The points tables of the lab handouts (labs/*.md): any markdown table with a column headed
 * "points" whose first column names a test. They are documentation that mirrors the {@code @Points}
 * annotations; {@link #mismatches} says where the two disagree.
 */
final class HandoutPoints {
  private static final Pattern TEST_NAME = Pattern.compile("`?(Test[A-Za-z0-9_]+)`?");

  /** One table row: a test, its points, and the file and line it was read from. */
  record Row(String test, int points, String where) {}

  private final Map<String, Row> rows = new TreeMap<>();

  private HandoutPoints() {}

  /**
   * Reads every {@code *.md} file directly in {@code labsDir} (none if the directory is missing); a
   * year's handouts are their own folder, loaded on their own ({@code labs/2025}).
   *
   * @throws IllegalArgumentException naming file and line, for a points cell that is not an integer
   *     or a test listed twice with different points
   */
  static HandoutPoints load(Path labsDir) {
    HandoutPoints t = new HandoutPoints();
    if (!Files.isDirectory(labsDir)) {
      return t;
    }
    try (Stream<Path> files = Files.list(labsDir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        t.read(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + labsDir, e);
    }
    return t;
  }

  private void read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    int pointsCol = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (!line.startsWith("|")) {
        pointsCol = -1;
        continue;
      }
      String[] cells = cells(line);
      if (pointsCol < 0) {
        for (int c = 0; c < cells.length; c++) {
          if (cells[c].trim().equalsIgnoreCase("points")) {
            pointsCol = c;
          }
        }
        continue;
      }
      Matcher m = TEST_NAME.matcher(cells[0].trim());
      if (!m.matches() || pointsCol >= cells.length) {
        continue;
      }
      String where = file + ":" + (i + 1);
      String value = cells[pointsCol].trim();
      int p;
      try {
        p = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            where + ": expected an integer in the points column, found '" + value + "'");
      }
      Row old = rows.putIfAbsent(m.group(1), new Row(m.group(1), p, where));
      if (old != null && old.points() != p) {
        throw new IllegalArgumentException(
            where
                + ": "
                + m.group(1)
                + " already has "
                + old.points()
                + " points in "
                + old.where());
      }
    }
  }

  private static String[] cells(String line) {
    String inner =
        line.substring(
            1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
    return inner.split("\\|", -1);
  }

  Map<String, Row> rows() {
    return rows;
  }

  /**
   * Where the handouts and the annotations disagree, one line each, both ways: an annotated test
   * without a row, a row with other points than the annotation, a row naming no annotated test.
   * Empty when they agree.
   */
  List<String> mismatches(PointsTable annotations) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : annotations.byName().entrySet()) {
      Row r = rows.get(e.getKey());
      String annotated =
          e.getKey()
              + " has @Points("
              + e.getValue()
              + ") on "
              + annotations.locationOf(e.getKey());
      if (r == null) {
        out.add(annotated + " but no row in any handout table");
      } else if (r.points() != e.getValue()) {
        out.add(annotated + " but " + r.where() + " gives " + r.points() + " points");
      }
    }
    for (Row r : rows.values()) {
      if (!annotations.has(r.test())) {
        out.add(
            r.where()
                + ": "
                + r.test()
                + " ("
                + r.points()
                + " points) names no test with @Points");
      }
    }
    return out;
  }
}
