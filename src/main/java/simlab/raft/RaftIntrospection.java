package simlab.raft;

/**
 * Read-only view of a peer's internal Raft state, for the invariant monitor. Optional: a student
 * implementation that does not offer it is still checked for Election Safety and State Machine
 * Safety through {@link Raft#getState()} and what it applies; Log Matching and Leader Completeness
 * need this view.
 *
 * <p>Indices are absolute log indices; entries at or below {@link #snapshotIndex()} have been
 * compacted and only {@code termAt(snapshotIndex())} is still known.
 */
public interface RaftIntrospection {
  int currentTerm();

  boolean isLeader();

  /**
   * "leader", "candidate" or "follower", for the run report's lanes; the default cannot tell a
   * candidate from a follower.
   */
  default String role() {
    return isLeader() ? "leader" : "follower";
  }

  int commitIndex();

  int snapshotIndex();

  int lastIndex();

  /** Term of the entry at {@code index}, for snapshotIndex() <= index <= lastIndex(). */
  int termAt(int index);

  /** Command of the entry at {@code index}, for snapshotIndex() < index <= lastIndex(). */
  Object commandAt(int index);

  /** What {@link #votedFor()} returns when an implementation does not expose its vote. */
  int VOTE_NOT_EXPOSED = Integer.MIN_VALUE;

  /**
   * The peer this server voted for in {@link #currentTerm()} (its index, itself included), -1 for
   * none yet. Optional: the default, {@link #VOTE_NOT_EXPOSED}, turns off the monitor's
   * one-vote-per-term check for this implementation.
   */
  default int votedFor() {
    return VOTE_NOT_EXPOSED;
  }

  /** What {@link #acknowledgedIndex()} returns when an implementation does not expose it. */
  int ACK_NOT_EXPOSED = Integer.MIN_VALUE;

  /**
   * The highest log index this incarnation has told a leader of {@link #currentTerm()} it holds (a
   * successful AppendEntries or InstallSnapshot reply sent in the current term), 0 for none yet in
   * this term. Such entries were counted towards a commit, so they must stay in the log (or its
   * snapshot) for as long as the term lasts, across crashes and restarts. Optional: the default,
   * {@link #ACK_NOT_EXPOSED}, turns the invariant monitor's exact acknowledged-entry check off for
   * this implementation.
   */
  default int acknowledgedIndex() {
    return ACK_NOT_EXPOSED;
  }
}
