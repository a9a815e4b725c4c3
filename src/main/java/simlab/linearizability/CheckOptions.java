package simlab.linearizability;

import java.time.Duration;
import java.util.Objects;

/**
 * How to run a check.
 *
 * @param timeout budget for the whole check; when it runs out the answer is UNKNOWN
 * @param threads how many partitions to search at once (1 = on the calling thread only).
 *                The result does not depend on it: after a failure, later partitions are
 *                reported as skipped whatever order the threads finished in.
 */
public record CheckOptions(Duration timeout, int threads) {
    public CheckOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
    }

    /** One thread per available processor. */
    public static CheckOptions withTimeout(Duration timeout) {
        return new CheckOptions(timeout, Runtime.getRuntime().availableProcessors());
    }

    public CheckOptions withThreads(int n) {
        return new CheckOptions(timeout, n);
    }
}
