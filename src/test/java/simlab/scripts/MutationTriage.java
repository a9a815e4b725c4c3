package simlab.scripts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mutation-testing triage kept in {@code src/test/resources/mutation}: the baseline (the
 * surviving and uncovered mutants of a PIT run, PIT's own CSV rows) and the triage files (one line
 * per such mutant with a verdict). Parsing only; {@link MutationTriageTest} holds the rules.
 */
final class MutationTriage {
  /** Where a mutant is: what PIT's reports name it by. Several mutants may share one key. */
  record MutantKey(String className, String method, int line, String mutator)
      implements Comparable<MutantKey> {
    @Override
    public int compareTo(MutantKey o) {
      int c = className.compareTo(o.className);
      if (c == 0) c = Integer.compare(line, o.line);
      if (c == 0) c = method.compareTo(o.method);
      if (c == 0) c = mutator.compareTo(o.mutator);
      return c;
    }

    @Override
    public String toString() {
      return className + "." + method + ":" + line + " " + mutator;
    }
  }

  /** What was concluded about one mutant. */
  enum Verdict {
    /** A named test kills it (confirmed by a PIT run). */
    KILLED,
    /** No observable behaviour can differ. */
    EQUIVALENT,
    /** It changes only when something happens, not a result any check defines. */
    TIMING,
    /** A real gap not closed yet. */
    OPEN
  }

  /** One line of a triage file. {@code where} is "file:line" for messages. */
  record Entry(String where, MutantKey key, Verdict verdict, String evidence) {}

  static final String HEADER = "class\tmethod\tline\tmutator\tverdict\tevidence";

  private MutationTriage() {}

  /** Parses a triage file's text; a malformed line is a one-line error naming file and line. */
  static List<Entry> parseTriage(String fileName, String text) {
    List<Entry> entries = new ArrayList<>();
    boolean headerSeen = false;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      // Only a CR is dropped: trailing tabs separate (empty) fields.
      String line =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      String where = fileName + ":" + (i + 1);
      if (line.isBlank() || line.startsWith("#")) continue;
      if (!headerSeen) {
        if (!line.equals(HEADER)) {
          throw new IllegalArgumentException(where + ": expected the header '" + HEADER + "'");
        }
        headerSeen = true;
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 6) {
        throw new IllegalArgumentException(
            where + ": expected 6 tab-separated fields, got " + f.length);
      }
      Verdict verdict;
      try {
        verdict = Verdict.valueOf(f[4].trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            where + ": verdict '" + f[4] + "' is not one of killed, equivalent, timing, open");
      }
      String evidence = f[5].trim();
      if (evidence.isEmpty()) {
        throw new IllegalArgumentException(where + ": the evidence field is empty");
      }
      entries.add(
          new Entry(
              where, new MutantKey(f[0], f[1], lineNumber(where, f[2]), f[3]), verdict, evidence));
    }
    if (!headerSeen) throw new IllegalArgumentException(fileName + ": no header line");
    return entries;
  }

  /**
   * The surviving and uncovered mutants of a PIT CSV report (columns: file, class, mutator, method,
   * line, status, killing test), with their multiplicity.
   */
  static Map<MutantKey, Integer> parseBaseline(String fileName, String text) {
    Map<MutantKey, Integer> survivors = new TreeMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String where = fileName + ":" + (i + 1);
      String[] f = line.split(",", 7);
      if (f.length != 7) {
        throw new IllegalArgumentException(
            where + ": expected PIT's 7 CSV columns, got " + f.length);
      }
      String status = f[5];
      if (!status.equals("SURVIVED") && !status.equals("NO_COVERAGE")) continue;
      String mutator = f[2].substring(f[2].lastIndexOf('.') + 1);
      survivors.merge(new MutantKey(f[1], f[3], lineNumber(where, f[4]), mutator), 1, Integer::sum);
    }
    return survivors;
  }

  /** The triage lines counted per mutant key. */
  static Map<MutantKey, Integer> count(List<Entry> entries) {
    Map<MutantKey, Integer> counts = new TreeMap<>();
    for (Entry e : entries) counts.merge(e.key(), 1, Integer::sum);
    return counts;
  }

  /**
   * How the triage differs from the baseline: one line per key whose counts differ ("missing" when
   * the baseline has more, "not in the baseline" when the triage has more); empty if equal.
   */
  static List<String> differences(
      Map<MutantKey, Integer> baseline, Map<MutantKey, Integer> triage) {
    List<String> out = new ArrayList<>();
    Map<MutantKey, Integer> all = new TreeMap<>(baseline);
    triage.forEach((k, v) -> all.putIfAbsent(k, 0));
    for (MutantKey key : all.keySet()) {
      int want = baseline.getOrDefault(key, 0);
      int have = triage.getOrDefault(key, 0);
      if (have < want) out.add("missing " + (want - have) + "× " + key);
      if (have > want) out.add("not in the baseline " + (have - want) + "× " + key);
    }
    return out;
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static int lineNumber(String where, String field) {
    try {
      int n = Integer.parseInt(field.trim());
      if (n > 0) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(where + ": line '" + field + "' is not a positive number");
  }
}
