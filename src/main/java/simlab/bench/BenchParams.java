package simlab.bench;

import simlab.sim.NetworkLatency;

/**
 * Everything that determines a fault benchmark run besides the seed (which is here too): two runs
 * with equal params produce byte-identical summaries and histories.
 *
 * @param rate ops per virtual second (open loop) or 0 for a closed loop of {@code clients}
 * @param latency a per-hop latency profile, or null for labrpc's fixed hop
 */
public record BenchParams(
    String system,
    long seed,
    int servers,
    int clients,
    double rate,
    int keys,
    double readRatio,
    int valueSize,
    long durationMs,
    long thinkMs,
    long timeoutMs,
    Nemeses.Kind nemesis,
    long nemesisIntervalMs,
    boolean unreliable,
    NetworkLatency latency,
    int maxRaftState) {

  /** e.g. {@code reliable}, {@code unreliable + exponential 5 ms}. */
  public String networkDescription() {
    String base = unreliable ? "unreliable" : "reliable";
    return latency == null ? base : base + " + " + latency.describe();
  }

  public String loadDescription() {
    return rate > 0 ? "open loop, " + fmt(rate) + " ops/s" : "closed loop, " + clients + " clients";
  }

  static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
