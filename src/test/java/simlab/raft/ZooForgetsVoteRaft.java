package simlab.raft;

/**
 * Zoo (persistence): votedFor is not restored after a restart (as if it were not persisted), so a
 * peer that crashes after voting can vote again in the same term.
 */
public final class ZooForgetsVoteRaft extends ZooRaftFactory {
  public ZooForgetsVoteRaft() {
    super(Core::new);
  }

  private static final class Core extends RaftCore {
    Core(int me, int size, PersistentState state, byte[] snapshot) {
      super(me, size, state, snapshot);
      votedFor = -1; // the mistake: the saved vote is ignored
    }
  }
}
