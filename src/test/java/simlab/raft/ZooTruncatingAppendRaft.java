package simlab.raft;

/**
 * Zoo (replication): a successful AppendEntries replaces everything after prevLogIndex by its
 * entries, even without a conflict — a delayed or duplicated shorter request cuts off entries the
 * follower already acknowledged.
 */
public final class ZooTruncatingAppendRaft extends ZooRaftFactory {
  public ZooTruncatingAppendRaft() {
    super(Core::new);
  }

  private static final class Core extends RaftCore {
    Core(int me, int size, PersistentState state, byte[] snapshot) {
      super(me, size, state, snapshot);
    }

    @Override
    void mergeEntries(int prev, AppendEntries ae) {
      super.mergeEntries(prev, ae);
      int from = Math.max(prev + ae.entries().size(), log.snapshotIndex()) + 1;
      if (from <= log.lastIndex()) {
        log.truncateFrom(from); // the mistake: log = log[:prev+1] + entries
        markDirty();
      }
    }
  }
}
