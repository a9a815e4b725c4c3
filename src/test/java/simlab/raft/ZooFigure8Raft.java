package simlab.raft;

/**
 * Zoo (commit): the leader commits any index a majority holds, entries of earlier terms included —
 * the Figure 8 mistake (§5.4.2): such an entry can still be overwritten.
 */
public final class ZooFigure8Raft extends ZooRaftFactory {
  public ZooFigure8Raft() {
    super(Core::new);
  }

  private static final class Core extends RaftCore {
    Core(int me, int size, PersistentState state, byte[] snapshot) {
      super(me, size, state, snapshot);
    }

    @Override
    Leader newLeader() {
      return new CountingLeader(this);
    }
  }

  private static final class CountingLeader extends Leader {
    private final RaftCore c;

    CountingLeader(RaftCore core) {
      super(core);
      this.c = core;
    }

    @Override
    void advanceCommit() {
      for (int n = c.log.lastIndex(); n > c.commitIndex; n--) {
        int count = 0; // the mistake: no check that log[n].term == currentTerm
        for (int p = 0; p < c.size; p++) {
          if (matchIndex(p) >= n) {
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
  }
}
