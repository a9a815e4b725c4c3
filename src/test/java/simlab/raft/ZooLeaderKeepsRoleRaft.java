package simlab.raft;

/**
 * Zoo (terms): a leader that sees a higher term in a reply adopts the term but does not step down —
 * it leads on in a term where another peer may have been elected.
 */
public final class ZooLeaderKeepsRoleRaft extends ZooRaftFactory {
  public ZooLeaderKeepsRoleRaft() {
    super(Core::new);
  }

  private static final class Core extends RaftCore {
    Core(int me, int size, PersistentState state, byte[] snapshot) {
      super(me, size, state, snapshot);
    }

    @Override
    Ready step(Message m) {
      if (m instanceof Response && m.term() > term && isLeader()) {
        term = m.term(); // the mistake: currentTerm = reply.term, votedFor = -1, but still leader
        votedFor = -1;
        markDirty();
      }
      return super.step(m);
    }
  }
}
