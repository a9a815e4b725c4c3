package simlab.raft;

/**
 * A {@link Raft} that hands every call to another one: the base for wrappers that watch or change
 * one call (the nemesis's Start hook, the broken implementations of the test tree) and should not
 * repeat the other four.
 */
public abstract class ForwardingRaft implements Raft {
  protected final Raft inner;

  protected ForwardingRaft(Raft inner) {
    this.inner = inner;
  }

  @Override
  public StartResult start(Object command) {
    return inner.start(command);
  }

  @Override
  public RaftState getState() {
    return inner.getState();
  }

  @Override
  public void snapshot(int index, byte[] snapshot) {
    inner.snapshot(index, snapshot);
  }

  @Override
  public int persistedSize() {
    return inner.persistedSize();
  }

  @Override
  public void kill() {
    inner.kill();
  }
}
