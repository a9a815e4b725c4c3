package simlab.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The downtimes (ms) of one line's trials, with the summary the command prints. */
record ElectionResult(ElectionLine line, double[] sortedMs, int censored, int unstable) {
  /**
   * Unstable trials (no leader could be set up, see {@link ElectionTrial.Outcome#UNSTABLE}) are
   * counted apart.
   */
  static ElectionResult of(ElectionLine line, List<ElectionTrial.Outcome> outcomes) {
    double[] ms =
        outcomes.stream()
            .filter(o -> !o.unstable())
            .mapToDouble(ElectionTrial.Outcome::ms)
            .sorted()
            .toArray();
    int censored = (int) outcomes.stream().filter(ElectionTrial.Outcome::censored).count();
    int unstable = (int) outcomes.stream().filter(ElectionTrial.Outcome::unstable).count();
    return new ElectionResult(line, ms, censored, unstable);
  }

  double median() {
    return Figures.rank(sortedMs, 0.5);
  }

  double p99() {
    return Figures.rank(sortedMs, 0.99);
  }

  double max() {
    return sortedMs.length == 0 ? 0 : sortedMs[sortedMs.length - 1];
  }

  double mean() {
    return Arrays.stream(sortedMs).average().orElse(0);
  }

  /** e.g. {@code 150-155: trials 1000 median 287 p99 410 max 480 mean 290}. */
  String summary() {
    return String.format(
            Locale.ROOT,
            "%s: trials %d median %.0f p99 %.0f max %.0f mean %.0f%s",
            line.label(),
            sortedMs.length,
            median(),
            p99(),
            max(),
            mean(),
            censored > 0
                ? " (" + censored + " trials still without a leader at the cap, counted at the cap)"
                : "")
        + (unstable > 0
            ? " ("
                + unstable
                + " trials left out: the cluster never kept a leader long enough to crash it)"
            : "");
  }
}
