package simlab.raft;

import java.time.Duration;

/**
 * The reference Raft's timing and election options. {@link #DEFAULT} is what every graded test runs
 * (heartbeats every 100 ms, election timeouts uniform in [300, 600) ms drawn in whole milliseconds,
 * no Pre-Vote): it draws exactly what the reference always drew, so trace hashes do not change.
 * Other values are for experiments such as Figure 16 of the Raft paper ({@code bench election}).
 *
 * <p>An election timeout is {@code electionMin + k * resolution} with k uniform in [0, (electionMax
 * - electionMin) / resolution); with no spread there is no draw at all. A fine resolution matters
 * for narrow ranges: 150-151 ms drawn in whole milliseconds would always be 150.
 *
 * @param preVote run a Pre-Vote round before each election (Raft thesis §9.6): a server becomes a
 *     candidate, and bumps its term, only if a majority would vote for it; a server refuses a
 *     pre-vote while it has heard from a leader since its own election timer last fired
 */
public record RaftTiming(
    Duration electionMin,
    Duration electionMax,
    Duration heartbeat,
    Duration resolution,
    boolean preVote) {
  public static final RaftTiming DEFAULT =
      new RaftTiming(
          Duration.ofMillis(300),
          Duration.ofMillis(600),
          Duration.ofMillis(100),
          Duration.ofMillis(1),
          false);

  public RaftTiming {
    if (electionMin.isNegative()
        || electionMin.isZero()
        || electionMax.compareTo(electionMin) < 0) {
      throw new IllegalArgumentException(
          "need 0 < electionMin <= electionMax, got " + electionMin + ", " + electionMax);
    }
    if (heartbeat.isNegative()
        || heartbeat.isZero()
        || resolution.isNegative()
        || resolution.isZero()) {
      throw new IllegalArgumentException(
          "heartbeat and resolution must be > 0, got " + heartbeat + ", " + resolution);
    }
  }

  /**
   * Figure 16's settings: election timeouts uniform in [min, max] ms (drawn in microseconds),
   * heartbeats every min/2.
   */
  public static RaftTiming figure16(long minMs, long maxMs, boolean preVote) {
    return new RaftTiming(
        Duration.ofMillis(minMs),
        Duration.ofMillis(maxMs),
        Duration.ofNanos(minMs * 500_000L),
        Duration.ofNanos(1_000),
        preVote);
  }

  /** The same timing with Pre-Vote on or off. */
  public RaftTiming withPreVote(boolean on) {
    return new RaftTiming(electionMin, electionMax, heartbeat, resolution, on);
  }

  /** Steps of {@link #resolution} between the shortest and the longest election timeout. */
  long spreadSteps() {
    return (electionMax.toNanos() - electionMin.toNanos()) / resolution.toNanos();
  }

  /**
   * {@code electionMin + steps * resolution}, computed in nanoseconds: {@link
   * Duration#multipliedBy} goes through BigDecimal, which cost about 5% of a Raft grade run when
   * every election-timer reset paid it.
   */
  Duration electionTimeout(long steps) {
    return Duration.ofNanos(electionMin.toNanos() + steps * resolution.toNanos());
  }
}
