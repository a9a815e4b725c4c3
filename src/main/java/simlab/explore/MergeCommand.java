package simlab.explore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code test-scripts/explore merge FILE... [--json OUT]}: combines the {@code --json} result files
 * of many machines (or shards) into one summary and failure list, records ordered by system and
 * seed. A seed found twice with the same record counts once; with different records (result or
 * trace hash) the merge refuses: the inputs disagree. Exit codes as for explore: 0 all passed, 1
 * some failed or UNKNOWN, 2 bad input, 3 cannot write.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = "Merge explore --json result files into one summary and failure list.")
public final class MergeCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Result files (JSON Lines) from explore --json.")
  List<Path> files;

  @Option(
      names = "--json",
      paramLabel = "OUT",
      description = "Also write the merged records (JSON Lines).")
  Path json;

  private final PrintStream stdout;
  private final PrintStream stderr;

  public MergeCommand(PrintStream stdout, PrintStream stderr) {
    this.stdout = stdout;
    this.stderr = stderr;
  }

  private record Key(String system, long seed) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = system.compareTo(o.system);
      return c != 0 ? c : Long.compare(seed, o.seed);
    }
  }

  @Override
  public Integer call() {
    Map<Key, SeedResult> merged = new TreeMap<>();
    Map<Key, String> origin = new TreeMap<>();
    for (Path f : files) {
      List<String> lines;
      try {
        lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      } catch (IOException e) {
        stderr.println("merge: cannot read " + f + ": " + e.getMessage());
        return 2;
      }
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).isBlank()) {
          continue;
        }
        SeedResult r;
        try {
          r = ResultJson.read(lines.get(i));
        } catch (IllegalArgumentException e) {
          stderr.println("merge: " + f + ":" + (i + 1) + ": " + e.getMessage());
          return 2;
        }
        Key k = new Key(r.system(), r.seed());
        SeedResult prev = merged.putIfAbsent(k, r);
        if (prev == null) {
          origin.put(k, f + ":" + (i + 1));
        } else if (!prev.result().equals(r.result()) || !prev.traceHash().equals(r.traceHash())) {
          stderr.println(
              "merge: "
                  + r.system()
                  + " seed "
                  + r.seed()
                  + " differs between "
                  + origin.get(k)
                  + " ("
                  + prev.result()
                  + ", trace-hash "
                  + prev.traceHash()
                  + ") and "
                  + f
                  + ":"
                  + (i + 1)
                  + " ("
                  + r.result()
                  + ", trace-hash "
                  + r.traceHash()
                  + ")");
          return 2;
        }
      }
    }
    List<SeedResult> all = new ArrayList<>(merged.values());
    stdout.println("merged: " + files.size() + " files");
    if (json != null) {
      try {
        ExploreCommand.writeJson(json, all);
      } catch (IOException e) {
        stderr.println("merge: cannot write --json " + json + ": " + e.getMessage());
        return 3;
      }
    }
    return Summary.print(stdout, all) ? 0 : 1;
  }
}
