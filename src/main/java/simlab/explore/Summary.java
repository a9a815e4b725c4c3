package simlab.explore;

import java.io.PrintStream;
import java.util.List;

/** The end of a sweep's output: one block per failure or UNKNOWN, then the summary line. */
final class Summary {
  private Summary() {}

  /** Prints and returns whether every seed passed. */
  static boolean print(PrintStream out, List<SeedResult> results) {
    int passed = 0;
    int failed = 0;
    int unknown = 0;
    for (SeedResult r : results) {
      if (r.passed()) {
        passed++;
        continue;
      }
      if (r.failed()) {
        failed++;
        out.println("FAIL " + r.system() + " seed " + r.seed() + ": " + r.property());
      } else {
        unknown++;
        out.println(
            "UNKNOWN "
                + r.system()
                + " seed "
                + r.seed()
                + ": "
                + r.property()
                + " could not be decided (not a pass)");
      }
      out.println("  " + r.detail());
      out.println("  replay seed:     " + r.replay());
      if (r.shrunkFile() != null) {
        out.println(
            "  shrunk schedule: "
                + r.shrunkFile()
                + " ("
                + r.shrunkSteps()
                + " steps, from "
                + r.steps()
                + ")");
        out.println("  replay shrunk:   " + r.shrunkReplay());
        if (r.report() != null) {
          out.println("  timeline:        " + r.report());
        }
        for (String line : r.shrunkSchedule().split("\n")) {
          out.println("    | " + line);
        }
      }
    }
    out.println(
        "explored: " + results.size() + " seeds, passed: " + passed + ", failed: " + failed);
    if (unknown > 0) {
      out.println(
          "unknown: "
              + unknown
              + " (the linearizability check ran out of budget; counted as not passed)");
    }
    return passed == results.size();
  }
}
