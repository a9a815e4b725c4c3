package simlab.raft;

/**
 * Zoo (election): a peer that has voted in a term votes again for another candidate of the same
 * term — the votedFor check is missing, so two candidates can both win one term.
 */
public final class ZooVotesTwiceRaft extends ZooRaftFactory {
  public ZooVotesTwiceRaft() {
    super(Core::new);
  }

  private static final class Core extends RaftCore {
    Core(int me, int size, PersistentState state, byte[] snapshot) {
      super(me, size, state, snapshot);
    }

    @Override
    RequestVoteReply onRequestVote(RequestVote rv) {
      int before = votedFor;
      if (rv.term() == term) {
        votedFor = -1; // the mistake: forget who we voted for in this term
      }
      RequestVoteReply reply = super.onRequestVote(rv);
      if (!reply.voteGranted()) {
        votedFor = before;
      }
      return reply;
    }
  }
}
