package simlab.raft;

/**
 * Zoo (replication): AppendEntries checks only that prevLogIndex exists, not that its term matches
 * prevLogTerm — a follower appends after a diverged prefix.
 */
public final class ZooNoPrevTermCheckRaft extends ZooRaftFactory {
  public ZooNoPrevTermCheckRaft() {
    super(Core::new);
  }

  private static final class Core extends RaftCore {
    Core(int me, int size, PersistentState state, byte[] snapshot) {
      super(me, size, state, snapshot);
    }

    @Override
    AppendEntriesReply onAppendEntries(AppendEntries ae) {
      int prev = ae.prevLogIndex();
      if (prev >= log.snapshotIndex()
          && prev <= log.lastIndex()
          && log.term(prev) != ae.prevLogTerm()) {
        // The mistake: whatever term we hold at prevLogIndex counts as a match.
        ae =
            new AppendEntries(
                ae.term(), ae.leader(), prev, log.term(prev), ae.entries(), ae.leaderCommit());
      }
      return super.onAppendEntries(ae);
    }
  }
}
