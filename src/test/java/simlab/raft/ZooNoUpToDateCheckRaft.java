package simlab.raft;

/**
 * Zoo (election): votes without the §5.4.1 election restriction — a candidate whose log is behind
 * can win and overwrite committed entries.
 */
public final class ZooNoUpToDateCheckRaft extends ZooRaftFactory {
  public ZooNoUpToDateCheckRaft() {
    super(Core::new);
  }

  private static final class Core extends RaftCore {
    Core(int me, int size, PersistentState state, byte[] snapshot) {
      super(me, size, state, snapshot);
    }

    @Override
    RequestVoteReply onRequestVote(RequestVote rv) {
      // The mistake: every candidate's log counts as up to date.
      return super.onRequestVote(
          new RequestVote(rv.term(), rv.candidate(), Integer.MAX_VALUE, Integer.MAX_VALUE));
    }
  }
}
