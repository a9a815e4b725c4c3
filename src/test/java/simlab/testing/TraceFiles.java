package simlab.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where {@code -Dsim.trace=FILE} writes each run's trace. One run writes FILE itself; when another
 * run in the same JVM (several tests, {@code -Dsim.seeds=K}) would overwrite it, that run writes
 * {@code FILE-stem-<Test>-seed<N>.jsonl} beside it instead, and every run prints the path it wrote.
 * (Test infrastructure outside any simulation: the shared map only names files and never touches a
 * run's events.)
 */
final class TraceFiles {
  private static final Map<Path, String> CLAIMED = new ConcurrentHashMap<>();

  private TraceFiles() {}

  static Path pathFor(String configured, String testName, long seed) {
    Path wanted = Path.of(configured).toAbsolutePath().normalize();
    String me = testName + "#" + seed;
    String owner = CLAIMED.putIfAbsent(wanted, me);
    if (owner == null || owner.equals(me)) {
      return Path.of(configured);
    }
    return perRun(Path.of(configured), testName, seed);
  }

  static Path perRun(Path file, String testName, long seed) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : ".jsonl";
    return file.resolveSibling(stem + "-" + testName + "-seed" + seed + ext);
  }
}
