package simlab.raft;

/**
 * Zoo (persistence): a follower acknowledges AppendEntries before the entries are durable; it saves
 * them with its next AppendEntries (a heartbeat at most 100 ms later). A crash in between loses
 * entries the leader already counted.
 */
public final class ZooLazyLogSaveRaft extends ZooRaftFactory {
  public ZooLazyLogSaveRaft() {
    super(Core::new);
  }

  private static final class Core extends RaftCore {
    private int savedTerm;
    private int savedVote;
    private boolean appendStep;
    private boolean unsaved;

    Core(int me, int size, PersistentState state, byte[] snapshot) {
      super(me, size, state, snapshot);
      savedTerm = term;
      savedVote = votedFor;
    }

    @Override
    Ready step(Message m) {
      appendStep = m instanceof AppendEntries ae && !ae.entries().isEmpty();
      if (m instanceof AppendEntries && unsaved) {
        markDirty(); // the previous request's entries are saved now, after their reply left
      }
      try {
        return super.step(m);
      } finally {
        appendStep = false;
      }
    }

    @Override
    Ready.Persist persistUpdate() {
      if (appendStep && !unsaved && term == savedTerm && votedFor == savedVote) {
        unsaved = true; // the mistake: reply now, save later
        return null;
      }
      unsaved = false;
      savedTerm = term;
      savedVote = votedFor;
      return super.persistUpdate();
    }
  }
}
