package simlab.rsm;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;
import java.util.function.Consumer;
import simlab.raft.ApplyMsg;
import simlab.raft.ReadIndexRaft;
import simlab.sim.NodeContext;

/**
 * A {@link FakeRaft} that also offers ReadIndex, for the RSM's read path: the test decides when a
 * read index is confirmed and which one ({@link #confirmNext}, {@link #refuseNext}), as a real
 * leader's heartbeat round would. It keeps {@link ReadIndexRaft}'s contract: a killed peer refuses
 * every request, the pending ones included, and each callback runs exactly once.
 */
final class ReadIndexFakeRaft implements ReadIndexRaft {
  final FakeRaft log;
  private final Deque<Consumer<OptionalInt>> pending = new ArrayDeque<>();
  boolean enabled = true;
  boolean killed;
  int requests;

  ReadIndexFakeRaft(NodeContext ctx, Consumer<ApplyMsg> applyCh) {
    this.log = new FakeRaft(ctx, applyCh);
  }

  @Override
  public boolean readIndexEnabled() {
    return enabled;
  }

  @Override
  public void readIndex(Consumer<OptionalInt> onResult) {
    requests++;
    if (killed || !enabled) {
      onResult.accept(OptionalInt.empty());
      return;
    }
    pending.addLast(onResult);
  }

  /** The oldest pending read is confirmed at {@code index}. */
  void confirmNext(int index) {
    pending.removeFirst().accept(OptionalInt.of(index));
  }

  /** The oldest pending read is refused (leadership not confirmed). */
  void refuseNext() {
    pending.removeFirst().accept(OptionalInt.empty());
  }

  int pendingReads() {
    return pending.size();
  }

  @Override
  public StartResult start(Object command) {
    return killed ? new StartResult(-1, log.term, false) : log.start(command);
  }

  @Override
  public RaftState getState() {
    RaftState s = log.getState();
    return new RaftState(s.term(), s.isLeader() && !killed);
  }

  @Override
  public void snapshot(int index, byte[] snapshot) {
    log.snapshot(index, snapshot);
  }

  @Override
  public int persistedSize() {
    return log.persistedSize();
  }

  @Override
  public void kill() {
    killed = true;
    while (!pending.isEmpty()) {
      refuseNext();
    }
  }
}
