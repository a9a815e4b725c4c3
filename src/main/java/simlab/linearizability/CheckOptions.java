package simlab.linearizability;

import java.time.Duration;
import java.util.Objects;

/**
 * How to run a check.
 *
 * @param timeout wall-clock budget for the whole check; when it runs out the answer is UNKNOWN. For
 *     interactive use only: a verdict that depends on it depends on the machine's speed and load.
 * @param threads how many partitions to search at once (1 = on the calling thread only). The result
 *     does not depend on it: after a failure, later partitions are reported as skipped whatever
 *     order the threads finished in.
 * @param maxSteps the deterministic budget: how many search steps (loop turns) each partition may
 *     take before its verdict is UNKNOWN. The same history gives the same verdict and step counts
 *     on any machine under any load.
 * @param maxMemoryBytes a rough bound on what the memo of all partitions may hold; past it the
 *     verdict is UNKNOWN instead of an OutOfMemoryError
 */
public record CheckOptions(Duration timeout, int threads, long maxSteps, long maxMemoryBytes) {
  /** No step limit. */
  public static final long UNLIMITED_STEPS = Long.MAX_VALUE;

  public CheckOptions {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    if (maxSteps < 1) {
      throw new IllegalArgumentException("maxSteps must be at least 1: " + maxSteps);
    }
    if (maxMemoryBytes < 1) {
      throw new IllegalArgumentException("maxMemoryBytes must be at least 1: " + maxMemoryBytes);
    }
  }

  /** A time budget only (and the default memory bound). */
  public CheckOptions(Duration timeout, int threads) {
    this(timeout, threads, UNLIMITED_STEPS, defaultMemoryBytes());
  }

  /** One thread per available processor. */
  public static CheckOptions withTimeout(Duration timeout) {
    return new CheckOptions(timeout, Runtime.getRuntime().availableProcessors());
  }

  /**
   * The deterministic form for checks inside simulated tests: one thread, no time limit, at most
   * {@code maxSteps} steps per partition.
   */
  public static CheckOptions withSteps(long maxSteps) {
    return new CheckOptions(Duration.ofDays(365), 1, maxSteps, defaultMemoryBytes());
  }

  public CheckOptions withThreads(int n) {
    return new CheckOptions(timeout, n, maxSteps, maxMemoryBytes);
  }

  public CheckOptions withMaxSteps(long n) {
    return new CheckOptions(timeout, threads, n, maxMemoryBytes);
  }

  public CheckOptions withMaxMemoryBytes(long n) {
    return new CheckOptions(timeout, threads, maxSteps, n);
  }

  /** Half the heap: leaves room for the history itself and the report. */
  static long defaultMemoryBytes() {
    return Runtime.getRuntime().maxMemory() / 2;
  }
}
