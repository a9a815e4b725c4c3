package simlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, so a benchmark report shows whether other work competed. */
final class CheckerBenchLoad {
  private CheckerBenchLoad() {}

  /** The 1-minute load average, or "n/a" where the platform does not expose it. */
  static String now() {
    try {
      String text = Files.readString(Path.of("/proc/loadavg"));
      return text.split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
