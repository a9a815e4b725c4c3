package simlab.raft;

/**
 * Zoo (snapshots): a delayed InstallSnapshot older than what the follower has committed is
 * installed anyway (the {@code lastIncludedIndex <= commitIndex} check is missing): the commit
 * index moves backwards, and a snapshot older than the follower's own wipes its log.
 */
public final class ZooStaleSnapshotRaft extends ZooRaftFactory {
  public ZooStaleSnapshotRaft() {
    super(Core::new);
  }

  private static final class Core extends RaftCore {
    Core(int me, int size, PersistentState state, byte[] snapshot) {
      super(me, size, state, snapshot);
    }

    @Override
    InstallSnapshotReply onInstallSnapshot(InstallSnapshot is) {
      if (is.term() >= term && is.lastIncludedIndex() <= commitIndex) {
        commitIndex = is.lastIncludedIndex() - 1; // the mistake: no stale-snapshot check
      }
      return super.onInstallSnapshot(is);
    }
  }
}
