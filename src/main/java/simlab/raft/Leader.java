package simlab.raft;

/**
 * A leader's replication state for one term: per-follower progress, what to send next, how replies
 * move nextIndex/matchIndex (with fast backtracking), and the commit rule. Not final only so the
 * zoo in the test tree can break {@link #advanceCommit} (see {@link RaftCore}'s seams).
 */
class Leader {
  /** Cap on entries per AppendEntries, so a far-behind follower is caught up in pieces. */
  static final int MAX_BATCH = 256;

  private final RaftCore c;
  private final Progress[] progress;

  Leader(RaftCore core) {
    this.c = core;
    this.progress = new Progress[core.size];
    for (int p = 0; p < core.size; p++) {
      progress[p] = new Progress(core.log.lastIndex() + 1);
    }
  }

  /**
   * Sends to every follower. A heartbeat goes to all; a flush only to those with something new and
   * nothing in flight, which keeps the RPC count near one per agreement per follower (TestCount3B)
   * while still replicating at once.
   */
  void broadcast(boolean heartbeat) {
    for (int p = 0; p < c.size; p++) {
      if (p != c.me && (heartbeat || (!progress[p].inflight && hasNews(progress[p])))) {
        sendTo(p);
      }
    }
  }

  private boolean hasNews(Progress pr) {
    return pr.next <= c.log.lastIndex() || pr.sentCommit < c.commitIndex;
  }

  private void sendTo(int p) {
    Progress pr = progress[p];
    pr.inflight = true;
    if (pr.next <= c.log.snapshotIndex()) {
      c.send(
          p,
          new InstallSnapshot(
              c.term, c.me, c.log.snapshotIndex(), c.log.snapshotTerm(), c.snapshot.clone()));
      return;
    }
    int prev = pr.next - 1;
    pr.sentCommit = Math.max(pr.sentCommit, c.commitIndex);
    c.send(
        p,
        new AppendEntries(
            c.term, c.me, prev, c.log.term(prev), c.log.slice(pr.next, MAX_BATCH), c.commitIndex));
  }

  void onNoReply(int p) {
    progress[p].inflight = false; // the next heartbeat retries
  }

  void onAppendReply(int p, AppendEntries ae, AppendEntriesReply reply) {
    Progress pr = progress[p];
    pr.inflight = false;
    if (reply.success()) {
      int matched = ae.prevLogIndex() + ae.entries().size();
      pr.match = Math.max(pr.match, matched);
      pr.next = Math.max(pr.next, pr.match + 1);
      advanceCommit();
    } else if (ae.prevLogIndex() == pr.next - 1) {
      // Only the reply to the current probe moves nextIndex back; stale ones would undo progress.
      int next = reply.conflictIndex();
      if (reply.conflictTerm() != AppendEntriesReply.NO_TERM) {
        int last = c.log.lastIndexOfTerm(reply.conflictTerm());
        if (last >= 0) {
          next = last + 1;
        }
      }
      pr.next = Math.max(pr.match + 1, Math.min(next, c.log.lastIndex() + 1));
    }
    if (hasNews(pr)) {
      c.replicateSoon();
    }
  }

  void onSnapshotReply(int p, InstallSnapshot is) {
    Progress pr = progress[p];
    pr.inflight = false;
    pr.match = Math.max(pr.match, is.lastIncludedIndex());
    pr.next = Math.max(pr.next, pr.match + 1);
    advanceCommit();
    if (hasNews(pr)) {
      c.replicateSoon();
    }
  }

  /** Figure 2 / §5.4.2: commit the highest current-term index a majority holds. */
  void advanceCommit() {
    for (int n = c.log.lastIndex(); n > c.commitIndex; n--) {
      if (c.log.term(n) != c.term) {
        return; // older-term entries commit only indirectly (Figure 8)
      }
      int count = 1;
      for (int p = 0; p < c.size; p++) {
        if (p != c.me && progress[p].match >= n) {
          count++;
        }
      }
      if (c.isMajority(count)) {
        c.commitIndex = n;
        c.replicateSoon();
        return;
      }
    }
  }

  int matchIndex(int p) {
    return p == c.me ? c.log.lastIndex() : progress[p].match;
  }
}
