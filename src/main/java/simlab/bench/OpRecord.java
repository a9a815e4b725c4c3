package simlab.bench;

/**
 * One client operation as the benchmark saw it: which client process issued it, what it was, when
 * it was called and when it ended (virtual nanoseconds), and whether it succeeded. A failed
 * operation is one the client gave up on after its timeout: it may or may not have taken effect
 * (Jepsen's {@code :info}); its end is the give-up time.
 *
 * @param op {@code get}, {@code put}, {@code append} (kv, shardkv) or {@code start} (raft)
 * @param output what a successful get read (null otherwise)
 */
public record OpRecord(
    int process,
    String op,
    String key,
    String value,
    String output,
    long callNanos,
    long endNanos,
    boolean ok) {
  public OpRecord {
    if (endNanos < callNanos) {
      throw new IllegalArgumentException(
          "an operation cannot end (" + endNanos + ") before its call (" + callNanos + ")");
    }
  }

  public long latencyNanos() {
    return endNanos - callNanos;
  }

  public boolean isRead() {
    return op.equals("get");
  }
}
