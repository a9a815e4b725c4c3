package simlab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Points per test, read from the lab handouts (labs/*.md): any markdown table with a
 * column headed "points" whose first column names a test. The handouts stay the single
 * place where points are written down.
 */
final class PointsTable {
  private static final Pattern TEST_NAME = Pattern.compile("`?(Test[A-Za-z0-9_]+)`?");

  private final Map<String, Integer> points = new TreeMap<>();
  private final Map<String, String> source = new TreeMap<>();

  static PointsTable load(Path labsDir) {
    PointsTable t = new PointsTable();
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
      String value = cells[pointsCol].trim();
      try {
        int p = Integer.parseInt(value);
        Integer old = points.put(m.group(1), p);
        if (old != null && old != p) {
          throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + m.group(1)
              + " already has " + old + " points in " + source.get(m.group(1)));
        }
        source.put(m.group(1), file + ":" + (i + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected an integer in the points column, found '"
            + value + "'");
      }
    }
  }

  private static String[] cells(String line) {
    String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
    return inner.split("\\|", -1);
  }

  int pointsOf(String test) {
    return points.getOrDefault(test, 0);
  }

  boolean has(String test) {
    return points.containsKey(test);
  }
}
