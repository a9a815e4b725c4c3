package simlab.raft;

/**
 * Figure 2 AppendEntries results plus the fast-backup hints (6.5840 "accelerated log
 * backtracking"): on a mismatch, {@code conflictTerm} is the follower's term at prevLogIndex (0
 * when its log is too short) and {@code conflictIndex} the first index it holds of that term (or
 * its log length + 1 when too short).
 */
public record AppendEntriesReply(int term, boolean success, int conflictTerm, int conflictIndex)
    implements Reply {
  static final int NO_TERM = 0;
}
