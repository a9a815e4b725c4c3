package simlab.raft;

/** The leader's view of one follower (Figure 2 nextIndex/matchIndex plus flow control). */
final class Progress {
  int next;
  int match;

  /** An AppendEntries or InstallSnapshot to this peer awaits its reply: don't pile on more. */
  boolean inflight;

  /** Highest commit index sent to this peer, so a commit advance is forwarded once. */
  int sentCommit;

  Progress(int next) {
    this.next = next;
  }
}
