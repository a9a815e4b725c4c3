package simlab.raft;

/**
 * Zoo (terms): a follower accepts AppendEntries from a leader of an older term (the {@code term <
 * currentTerm} rejection is missing), so a deposed leader can overwrite entries the new leader
 * committed.
 */
public final class ZooStaleTermAppendRaft extends ZooRaftFactory {
  public ZooStaleTermAppendRaft() {
    super(Core::new);
  }

  private static final class Core extends RaftCore {
    Core(int me, int size, PersistentState state, byte[] snapshot) {
      super(me, size, state, snapshot);
    }

    @Override
    AppendEntriesReply onAppendEntries(AppendEntries ae) {
      if (ae.term() < term) { // the mistake: treat the stale leader as the current one
        ae =
            new AppendEntries(
                term,
                ae.leader(),
                ae.prevLogIndex(),
                ae.prevLogTerm(),
                ae.entries(),
                ae.leaderCommit());
      }
      return super.onAppendEntries(ae);
    }
  }
}
