package simlab.explore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import simlab.nemesis.ScheduleFormat;
import simlab.workload.WorkloadParams;

/**
 * A replayable run as a schedule file: the schedule in the nemesis's text format, preceded by
 * header comments that carry everything else the run depends on, e.g.
 *
 * <pre>
 * # simlab explore: kv seed 7 (property Linearizability; 9 steps shrunk to 3 in 41 runs)
 * # system: kv
 * # seed: 7
 * # clients: 2
 * # ops: 20
 * # keys: 3
 * # think-ms: 20
 * # read-percent: 33
 * # impl: com.example.MyRaftFactory
 * # property: Linearizability
 * at 1200ms  isolate leader for 1000ms
 * at 2200ms  heal
 * </pre>
 *
 * The nemesis's parser skips the comments, so the file is also a plain schedule.
 */
public final class ScheduleFile {
  /** What a file says about its run; impl and property may be null. */
  public record Header(
      ExploredSystem system, long seed, WorkloadParams params, String impl, String property) {}

  private ScheduleFile() {}

  public static String render(RunSpec spec, String title, String property) {
    WorkloadParams p = spec.params();
    StringBuilder b = new StringBuilder();
    b.append("# simlab explore: ").append(title).append('\n');
    b.append("# system: ").append(spec.system().cliName()).append('\n');
    b.append("# seed: ").append(spec.seed()).append('\n');
    b.append("# clients: ").append(p.clients()).append('\n');
    b.append("# ops: ").append(p.opsPerClient()).append('\n');
    b.append("# keys: ").append(p.keys()).append('\n');
    b.append("# think-ms: ").append(p.think().toMillis()).append('\n');
    b.append("# read-percent: ").append(p.readPercent()).append('\n');
    if (spec.impls().className() != null) {
      b.append("# impl: ").append(spec.impls().className()).append('\n');
    }
    if (property != null && !property.isEmpty()) {
      b.append("# property: ").append(property).append('\n');
    }
    b.append(ScheduleFormat.print(spec.schedule()));
    return b.toString();
  }

  public static void write(Path file, RunSpec spec, String title, String property)
      throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, render(spec, title, property), StandardCharsets.UTF_8);
  }

  /**
   * Reads the header; throws IllegalArgumentException naming the file, the line and what was
   * expected when a required key is missing or malformed.
   */
  public static Header readHeader(Path file, List<String> lines) {
    Map<String, String> kv = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).trim();
      if (!l.startsWith("#")) {
        continue;
      }
      String body = l.substring(1).trim();
      int colon = body.indexOf(':');
      if (colon > 0 && body.substring(0, colon).matches("[a-z-]+")) {
        kv.putIfAbsent(body.substring(0, colon), body.substring(colon + 1).trim());
        lineOf.putIfAbsent(body.substring(0, colon), i + 1);
      }
    }
    if (!kv.containsKey("system") || !kv.containsKey("seed")) {
      throw new IllegalArgumentException(
          file
              + ": not an explorer schedule file: expected header comments"
              + " '# system: raft|kv|shardkv|kvsrv1|kvraft1|shardkv1' and '# seed: N' (the explorer writes them)");
    }
    ExploredSystem system;
    try {
      system = ExploredSystem.parse(kv.get("system"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ":" + lineOf.get("system") + ": " + e.getMessage());
    }
    long seed = number(file, kv, lineOf, "seed", Long.MIN_VALUE);
    WorkloadParams d = system.defaultParams();
    WorkloadParams p;
    try {
      p =
          new WorkloadParams(
              (int) number(file, kv, lineOf, "clients", d.clients()),
              (int) number(file, kv, lineOf, "keys", d.keys()),
              (int) number(file, kv, lineOf, "ops", d.opsPerClient()),
              Duration.ofMillis(number(file, kv, lineOf, "think-ms", d.think().toMillis())),
              (int) number(file, kv, lineOf, "read-percent", d.readPercent()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": bad workload in the header: " + e.getMessage());
    }
    return new Header(system, seed, p, kv.get("impl"), kv.get("property"));
  }

  private static long number(
      Path file, Map<String, String> kv, Map<String, Integer> lineOf, String key, long fallback) {
    String v = kv.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          file
              + ":"
              + lineOf.get(key)
              + ": expected a whole number after '# "
              + key
              + ":', got '"
              + v
              + "'");
    }
  }
}
