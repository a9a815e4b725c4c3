package simlab.sim;

import java.time.Duration;

/**
 * A run that cannot go on: a node threw, virtual time stopped advancing, or an invariant monitor
 * saw a violation. The message names the node, the event, the virtual time and the seed, so the
 * failure can be replayed exactly.
 */
public final class SimulationFailure extends RuntimeException {
  private final long seed;
  private final long atNanos;

  public SimulationFailure(String what, long seed, long atNanos, Throwable cause) {
    this(what, seed, atNanos, cause, "");
  }

  /**
   * As above, with {@code details} (say, the node's trimmed stack trace) on the lines after the
   * first.
   */
  public SimulationFailure(String what, long seed, long atNanos, Throwable cause, String details) {
    super(
        what + " [at virtual time " + formatTime(atNanos) + ", seed " + seed + "]" + details,
        cause);
    this.seed = seed;
    this.atNanos = atNanos;
  }

  public long seed() {
    return seed;
  }

  public Duration at() {
    return Duration.ofNanos(atNanos);
  }

  public static String formatTime(long nanos) {
    return String.format("%d.%06ds", nanos / 1_000_000_000L, (nanos % 1_000_000_000L) / 1000);
  }
}
