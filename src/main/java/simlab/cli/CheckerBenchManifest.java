package simlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Porcupine's own per-file check times, read from the per-file table of the histories' MANIFEST.md
 * (the rows with ten columns: file ... median ms, spread, bench 1x).
 */
final class CheckerBenchManifest {
  /** The median-ms column of the per-file table. */
  private static final int MEDIAN_COLUMN = 7;

  private static final int COLUMNS = 10;
  private static final int EXPECTED_COLUMN = 5;

  /**
   * Porcupine without partitioning, from the MANIFEST's headline table (ms; NaN = it answered
   * Unknown after its 30 s timeout). The per-file table has only partitioned times.
   */
  static final Map<String, Double> UNPARTITIONED_MS =
      Map.of(
          "kv/c01-ok.txt",
          0.25,
          "kv/c01-bad.txt",
          0.13,
          "kv/c10-ok.txt",
          3550.0,
          "kv/c10-bad.txt",
          4470.0,
          "kv/c50-ok.txt",
          Double.NaN,
          "kv/c50-bad.txt",
          Double.NaN);

  private CheckerBenchManifest() {}

  /** One row: the verdict upstream expects ("lin." or "NOT lin.") and Porcupine's median ms. */
  record Row(String expected, double medianMs) {
    boolean linearizable() {
      return expected.equals("lin.");
    }
  }

  /** File (relative, e.g. "jepsen/etcd_002.log") to its row, in table order. */
  static Map<String, Row> rows(Path manifest) throws IOException {
    Map<String, Row> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    for (String line : lines) {
      if (!line.startsWith("| jepsen/") && !line.startsWith("| kv/")) {
        continue;
      }
      String[] cells = line.substring(1).split("\\|");
      if (cells.length < COLUMNS) {
        continue;
      }
      try {
        out.put(
            cells[0].trim(),
            new Row(
                cells[EXPECTED_COLUMN].trim(), Double.parseDouble(cells[MEDIAN_COLUMN].trim())));
      } catch (NumberFormatException e) {
        throw new IOException(
            manifest
                + ": per-file table row for "
                + cells[0].trim()
                + " has no number in the median column: '"
                + cells[MEDIAN_COLUMN].trim()
                + "'");
      }
    }
    return out;
  }
}
