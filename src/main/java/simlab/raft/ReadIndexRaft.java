package simlab.raft;

import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A Raft peer that can serve linearizable reads without a log entry (Raft thesis §6.4, ReadIndex).
 * A service asks for a read index; once the peer has confirmed, after the request, that it still
 * leads, it hands back its commit index from the time of the request. The service then waits until
 * it has applied that index and reads its state: the read sees every write that completed before it
 * began, and nothing that a newer leader could have committed without this one knowing.
 */
public interface ReadIndexRaft extends Raft {
  /** Whether {@link #readIndex} can answer at all (it refuses every request when false). */
  boolean readIndexEnabled();

  /**
   * Asks for a read index. {@code onResult} runs exactly once, possibly before this returns: with
   * the index, or empty when this peer cannot confirm one (it does not lead, has not yet committed
   * an entry of its term, lost leadership or heard from no majority in time, or was killed); the
   * service then falls back to the log or tells its client to try another server.
   */
  void readIndex(Consumer<OptionalInt> onResult);
}
