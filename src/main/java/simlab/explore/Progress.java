package simlab.explore;

import java.io.PrintStream;

/**
 * The progress line on stderr: rewritten in place on a terminal, otherwise printed about every
 * tenth of the seeds. Reads the wall clock, outside every simulation, for the rate.
 */
final class Progress {
  private final PrintStream err;
  private final String what;
  private final int total;
  private final boolean terminal = System.console() != null;
  private final long start = System.nanoTime(); // wall-clock ok: progress display only
  private int done;
  private int failed;

  Progress(PrintStream err, String what, int total) {
    this.err = err;
    this.what = what;
    this.total = total;
  }

  void done(SeedResult r) {
    done++;
    if (!r.passed()) {
      failed++;
    }
    double secs = (System.nanoTime() - start) / 1e9; // wall-clock ok
    String line =
        String.format(
            "explore %s: %d/%d seeds, %d not passed, %.1f seeds/s",
            what, done, total, failed, secs > 0 ? done / secs : 0.0);
    if (terminal) {
      err.print("\r" + line);
    } else if (done == total || done % Math.max(1, total / 10) == 0) {
      err.println(line);
    }
  }

  void finish() {
    if (terminal && done > 0) {
      err.println();
    }
  }
}
