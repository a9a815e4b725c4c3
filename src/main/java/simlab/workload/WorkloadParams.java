package simlab.workload;

import java.time.Duration;

/**
 * The knobs of a client workload. {@code keys} is the key space ("k0".."k<keys-1>"): a few keys
 * make clients contend, many spread them out. {@code opsPerClient} bounds each client's operations;
 * {@code think} is the pause after each completed operation; {@code readPercent} the share of Gets
 * among KV operations (the rest are writes: Put, Append and Delete).
 */
public record WorkloadParams(
    int clients, int keys, int opsPerClient, Duration think, int readPercent) {
  public WorkloadParams {
    if (clients < 1 || keys < 1 || opsPerClient < 1) {
      throw new IllegalArgumentException(
          "clients, keys and opsPerClient must be >= 1, got "
              + clients
              + ", "
              + keys
              + ", "
              + opsPerClient);
    }
    if (think.isNegative()) {
      throw new IllegalArgumentException("think time must be >= 0, got " + think);
    }
    if (readPercent < 0 || readPercent > 100) {
      throw new IllegalArgumentException("readPercent must be in 0..100, got " + readPercent);
    }
  }

  /** 3 clients on 3 keys, 40 operations each, 20 ms apart, a third reads: heavy contention. */
  public static WorkloadParams contended() {
    return new WorkloadParams(3, 3, 40, Duration.ofMillis(20), 33);
  }

  /** 5 clients over 100 keys, 40 operations each, 20 ms apart, half reads. */
  public static WorkloadParams spread() {
    return new WorkloadParams(5, 100, 40, Duration.ofMillis(20), 50);
  }

  public WorkloadParams withClients(int c) {
    return new WorkloadParams(c, keys, opsPerClient, think, readPercent);
  }

  public WorkloadParams withOps(int ops) {
    return new WorkloadParams(clients, keys, ops, think, readPercent);
  }
}
