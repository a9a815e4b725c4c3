package simlab.raft;

/**
 * The service-facing interface of a Raft peer, as 6.5840 defines it. The KV service, the shard
 * controller and the shard groups use Raft only through this interface, so a student's
 * implementation can be graded by the same suites as the reference.
 *
 * <p>Calls come from the single simulation thread: from the test driver or from inside the
 * service's own event handlers, including from inside the apply callback (a service may call {@link
 * #snapshot} or {@link #start} while it is being applied to).
 */
public interface Raft {

  /**
   * Proposes {@code command} for the log. Returns at once, without waiting for the entry to commit;
   * {@code isLeader} is false when this peer is not the leader.
   */
  StartResult start(Object command);

  /** This peer's current term and whether it believes it is the leader. */
  RaftState getState();

  /**
   * The service has a snapshot that includes every command up to {@code index}; Raft may discard
   * its log through that index and must persist the snapshot with its state.
   */
  void snapshot(int index, byte[] snapshot);

  /** Size in bytes of the persisted Raft state (for the log-size checks). */
  int persistedSize();

  /** Stops the peer: after this, it sends nothing and applies nothing. */
  void kill();

  record StartResult(int index, int term, boolean isLeader) {}

  record RaftState(int term, boolean isLeader) {}
}
