package simlab.raft;

/**
 * Zoo (snapshots): InstallSnapshot discards the whole log even when the follower holds the
 * snapshot's last entry and entries after it (§7 says keep them) — entries it acknowledged
 * disappear.
 */
public final class ZooSnapshotDropsLogRaft extends ZooRaftFactory {
  public ZooSnapshotDropsLogRaft() {
    super(Core::new);
  }

  private static final class Core extends RaftCore {
    Core(int me, int size, PersistentState state, byte[] snapshot) {
      super(me, size, state, snapshot);
    }

    @Override
    InstallSnapshotReply onInstallSnapshot(InstallSnapshot is) {
      int index = is.lastIncludedIndex();
      if (is.term() >= term
          && index > commitIndex
          && index < log.lastIndex()
          && index > log.snapshotIndex()) {
        log.truncateFrom(index + 1); // the mistake: the entries after the snapshot go too
        markDirty();
      }
      return super.onInstallSnapshot(is);
    }
  }
}
