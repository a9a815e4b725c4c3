package simlab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes the {@link Figures} of a run from its operations and fault windows: pure arithmetic on
 * virtual times (nanoseconds since the workload started), so it can be checked on hand-made
 * histories.
 */
public final class Metrics {
  private static final double NS_PER_MS = 1e6;

  private Metrics() {}

  /**
   * @param durationNanos the measured run: operations were issued in [0, duration); gaps are
   *     measured over it, throughput is per second of it
   * @param messages network calls during the run; {@code bytes} likewise
   */
  public static Figures compute(
      List<OpRecord> ops, List<FaultWindow> faults, long durationNanos, long messages, long bytes) {
    if (durationNanos <= 0) {
      throw new IllegalArgumentException("the run must last > 0 ns, got " + durationNanos);
    }
    long ok = ops.stream().filter(OpRecord::ok).count();
    long failed = ops.size() - ok;
    List<Double> lat = new ArrayList<>();
    for (OpRecord o : ops) {
      if (o.ok()) {
        lat.add(o.latencyNanos() / NS_PER_MS);
      }
    }
    long[] done = okEnds(ops);
    List<Double> recovery = new ArrayList<>();
    int unrecovered = 0;
    for (FaultWindow w : faults) {
      for (long from : new long[] {w.startNanos(), w.endNanos()}) {
        long next = nextAfter(done, from);
        if (next < 0) {
          unrecovered++;
        } else {
          recovery.add((next - from) / NS_PER_MS);
        }
      }
    }
    double throughput = ok / (durationNanos / 1e9);
    double availability = ops.isEmpty() ? 1.0 : (double) ok / ops.size();
    return new Figures(
        ops.size(),
        ok,
        failed,
        throughput,
        Figures.Quantiles.of(lat),
        availability,
        longestGap(done, durationNanos) / NS_PER_MS,
        recovery,
        unrecovered,
        messages,
        bytes,
        ok == 0 ? 0 : (double) messages / ok,
        ok == 0 ? 0 : (double) bytes / ok);
  }

  /** End times of the successful operations, sorted. */
  static long[] okEnds(List<OpRecord> ops) {
    return ops.stream().filter(OpRecord::ok).mapToLong(OpRecord::endNanos).sorted().toArray();
  }

  /** The first time in {@code sorted} strictly after {@code t}, or -1. */
  static long nextAfter(long[] sorted, long t) {
    int i = Arrays.binarySearch(sorted, t);
    i = i >= 0 ? i + 1 : -i - 1;
    while (i < sorted.length && sorted[i] <= t) {
      i++;
    }
    return i < sorted.length ? sorted[i] : -1;
  }

  /**
   * The longest interval within [0, horizon] containing no successful completion: from the start to
   * the first, between two, or from the last to the horizon.
   */
  static long longestGap(long[] sortedEnds, long horizon) {
    long prev = 0;
    long gap = 0;
    for (long t : sortedEnds) {
      if (t > horizon) {
        break;
      }
      gap = Math.max(gap, t - prev);
      prev = t;
    }
    return Math.max(gap, horizon - prev);
  }

  /**
   * Per whole virtual second of [0, horizon): successful and failed operations ending in it ({@code
   * [second][0]} ok, {@code [second][1]} failed).
   */
  public static long[][] perSecond(List<OpRecord> ops, long horizonNanos) {
    int seconds = (int) Math.max(1, (horizonNanos + 999_999_999L) / 1_000_000_000L);
    long[][] counts = new long[seconds][2];
    for (OpRecord o : ops) {
      int s = (int) Math.min(seconds - 1, o.endNanos() / 1_000_000_000L);
      counts[s][o.ok() ? 0 : 1]++;
    }
    return counts;
  }

  /**
   * Per whole second: p50, p90, p99 and max latency (ms) of the successful operations ending in it
   * (NaN if none).
   */
  public static double[][] latencyPerSecond(List<OpRecord> ops, long horizonNanos) {
    int seconds = (int) Math.max(1, (horizonNanos + 999_999_999L) / 1_000_000_000L);
    List<List<Double>> buckets = new ArrayList<>();
    for (int s = 0; s < seconds; s++) {
      buckets.add(new ArrayList<>());
    }
    for (OpRecord o : ops) {
      if (o.ok()) {
        int s = (int) Math.min(seconds - 1, o.endNanos() / 1_000_000_000L);
        buckets.get(s).add(o.latencyNanos() / NS_PER_MS);
      }
    }
    double[][] q = new double[seconds][4];
    for (int s = 0; s < seconds; s++) {
      double[] v = buckets.get(s).stream().mapToDouble(Double::doubleValue).sorted().toArray();
      if (v.length == 0) {
        Arrays.fill(q[s], Double.NaN);
      } else {
        q[s] =
            new double[] {
              Figures.rank(v, 0.5), Figures.rank(v, 0.9), Figures.rank(v, 0.99), v[v.length - 1]
            };
      }
    }
    return q;
  }
}
