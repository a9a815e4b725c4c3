package simlab.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code test-scripts/grade merge FILE...}: the points table of a grading run split over machines
 * ({@code grade --shard I/N --json FILE} on each). A test earns its points only if every record of
 * it passed; the same test and seed found twice counts once if the records agree and makes the
 * merge refuse (exit 2) if their result or trace hash differ, since a seed replays exactly. Exit
 * codes: 0 every run passed, 1 a run failed, 2 bad input.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = "Merge grade --json files (one per shard or machine) into one points table.")
final class GradeMerge implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files written by grade --json.")
  private List<Path> files = new ArrayList<>();

  private final PrintStream out;
  private final PrintStream err;

  GradeMerge(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return CommandLines.execute("grade merge", new GradeMerge(out, err), args, out, err);
  }

  private record Key(int year, String part, String test) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = Integer.compare(year, o.year);
      c = c != 0 ? c : part.compareTo(o.part);
      return c != 0 ? c : test.compareTo(o.test);
    }
  }

  @Override
  public Integer call() {
    Map<Key, Map<Long, GradeRecord>> byTest = new TreeMap<>();
    Map<String, String> origin = new LinkedHashMap<>();
    for (Path f : files) {
      List<String> lines;
      try {
        lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("grade merge: cannot read " + f + ": " + e.getMessage());
        return 2;
      }
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).isBlank()) {
          continue;
        }
        String where = f + ":" + (i + 1);
        GradeRecord r;
        try {
          r = GradeRecord.parse(lines.get(i));
        } catch (IllegalArgumentException e) {
          err.println("grade merge: " + where + ": " + e.getMessage());
          return 2;
        }
        Map<Long, GradeRecord> seeds =
            byTest.computeIfAbsent(new Key(r.year(), r.part(), r.test()), k -> new TreeMap<>());
        GradeRecord before = seeds.putIfAbsent(r.seed(), r);
        String id = r.year() + " " + r.part() + " " + r.test() + " seed " + r.seed();
        if (before != null && !agree(before, r)) {
          err.println(
              "grade merge: "
                  + where
                  + ": "
                  + id
                  + " disagrees with "
                  + origin.get(id)
                  + " (result or trace hash differ; a seed must replay exactly)");
          return 2;
        }
        if (before != null && before.points() != r.points()) {
          err.println(
              "grade merge: " + where + ": " + id + " has other points than " + origin.get(id));
          return 2;
        }
        origin.putIfAbsent(id, where);
      }
    }
    if (byTest.isEmpty()) {
      err.println("grade merge: no records in " + files);
      return 2;
    }
    return print(byTest) ? 0 : 1;
  }

  private static boolean agree(GradeRecord a, GradeRecord b) {
    return a.passed() == b.passed() && Objects.equals(a.traceHash(), b.traceHash());
  }

  private boolean print(Map<Key, Map<Long, GradeRecord>> byTest) {
    List<PointsTableText.Row> rows = new ArrayList<>();
    List<GradeRecord> failures = new ArrayList<>();
    TreeSet<Integer> seedCounts = new TreeSet<>();
    for (Map.Entry<Key, Map<Long, GradeRecord>> e : byTest.entrySet()) {
      List<GradeRecord> rs = new ArrayList<>(e.getValue().values());
      seedCounts.add(rs.size());
      rows.add(
          new PointsTableText.Row(
              e.getKey().test(),
              e.getKey().year(),
              e.getKey().part(),
              rs.size(),
              rs.stream().filter(GradeRecord::passed).count(),
              rs.get(0).points(),
              null,
              Objects.requireNonNullElse(rs.get(0).implementation(), "?")));
      rs.stream().filter(r -> !r.passed()).forEach(failures::add);
    }
    PointsTableText.print(rows, out);
    if (seedCounts.size() > 1) {
      out.println(
          "note: the tests were run over different numbers of seeds "
              + seedCounts
              + " (a shard's file missing?)");
    }
    if (!failures.isEmpty()) {
      out.println();
      out.println("failures (" + failures.size() + "):");
      for (GradeRecord f : failures) {
        out.println("  " + f.test() + " seed " + f.seed() + ": " + f.failure());
        out.println("    replay: " + f.replay());
      }
    }
    out.println();
    out.println(
        "total: "
            + PointsTableText.earned(rows)
            + "/"
            + PointsTableText.possible(rows)
            + " points");
    return failures.isEmpty();
  }
}
