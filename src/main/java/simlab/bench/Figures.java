package simlab.bench;

import java.util.List;

/**
 * The figures a fault benchmark reports (all virtual time, milliseconds unless named).
 *
 * @param ops operations attempted; {@code ok} succeeded, {@code failed} timed out
 * @param throughput successful operations per virtual second of the run
 * @param latency p50, p90, p99, p99.9 and max latency of the successful operations
 * @param availability ok / ops (Maelstrom's definition); 1 when nothing was attempted
 * @param longestGapMs the longest interval of the run in which no operation succeeded
 * @param recoveryMs one value per fault start and per fault end: the time to the next successful
 *     operation; {@code unrecovered} counts those with none before the run ended
 * @param messagesPerOp network calls per successful operation ({@code bytesPerOp} likewise)
 */
public record Figures(
    long ops,
    long ok,
    long failed,
    double throughput,
    Quantiles latency,
    double availability,
    double longestGapMs,
    List<Double> recoveryMs,
    int unrecovered,
    long messages,
    long bytes,
    double messagesPerOp,
    double bytesPerOp) {
  public Figures {
    recoveryMs = List.copyOf(recoveryMs);
  }

  /** Nearest-rank quantiles of a sample, 0 for an empty one. */
  public record Quantiles(double p50, double p90, double p99, double p999, double max) {
    static Quantiles of(List<Double> values) {
      double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new Quantiles(
          rank(v, 0.5),
          rank(v, 0.9),
          rank(v, 0.99),
          rank(v, 0.999),
          v.length == 0 ? 0 : v[v.length - 1]);
    }
  }

  /** The nearest-rank q-quantile of sorted values (0 if there are none). */
  public static double rank(double[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  public double recoveryP50() {
    return Quantiles.of(recoveryMs).p50();
  }

  public double recoveryMax() {
    return Quantiles.of(recoveryMs).max();
  }
}
