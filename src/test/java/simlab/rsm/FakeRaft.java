package simlab.rsm;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.sim.NodeContext;

/**
 * A Raft the test drives by hand: it says what the test says about leadership, puts started
 * commands in a log, and applies exactly the entries the test commits (from an event of the node,
 * as a real Raft's applier does). Its persisted state is 4 bytes of "last index" plus {@link
 * #BYTES_PER_ENTRY} per entry after the snapshot, so a test can make the RSM cross maxRaftState.
 */
final class FakeRaft implements Raft {
  static final int BYTES_PER_ENTRY = 10;

  private record Entry(int term, Object command) {}

  private final NodeContext ctx;
  private final Consumer<ApplyMsg> applyCh;

  /** Entry i (1-based) at position i - 1; entries before a restart are placeholders. */
  private final List<Entry> log = new ArrayList<>();

  private final List<Integer> snapshotIndices = new ArrayList<>();
  private int applied;
  private int snapshotIndex;
  private byte[] snapshot = new byte[0];
  int term = 1;
  boolean leader = true;

  FakeRaft(NodeContext ctx, Consumer<ApplyMsg> applyCh) {
    this.ctx = ctx;
    this.applyCh = applyCh;
    byte[] state = ctx.persister().readRaftState();
    int last = state.length >= 4 ? ByteBuffer.wrap(state).getInt() : 0;
    for (int i = 0; i < last; i++) {
      log.add(new Entry(0, null)); // lost with the crash; only the snapshot matters to the tests
    }
    snapshotIndex = last;
    applied = last;
    snapshot = ctx.persister().readSnapshot();
  }

  @Override
  public StartResult start(Object command) {
    if (!leader) {
      return new StartResult(-1, term, false);
    }
    log.add(new Entry(term, command));
    persist();
    return new StartResult(log.size(), term, true);
  }

  @Override
  public RaftState getState() {
    return new RaftState(term, leader);
  }

  @Override
  public void snapshot(int index, byte[] snapshot) {
    snapshotIndices.add(index);
    snapshotIndex = index;
    this.snapshot = snapshot.clone();
    persist();
  }

  @Override
  public int persistedSize() {
    return ctx.persister().raftStateSize();
  }

  @Override
  public void kill() {}

  /** A new leader's entry replaces ours at {@code index} (and drops everything after it). */
  void overwrite(int index, int newTerm, Object command) {
    while (log.size() >= index) {
      log.remove(log.size() - 1);
    }
    log.add(new Entry(newTerm, command));
    persist();
  }

  /** Forgets the log from {@code index} on, as a deposed leader's uncommitted tail. */
  void truncateFrom(int index) {
    while (log.size() >= index) {
      log.remove(log.size() - 1);
    }
    persist();
  }

  /** Applies every entry up to {@code index} in one event, as one burst. */
  void commitThrough(int index) {
    ctx.defer(
        () -> {
          while (applied < index) {
            applied++;
            Entry e = log.get(applied - 1);
            applyCh.accept(new ApplyMsg.Command(applied, e.term(), e.command()));
          }
        });
  }

  /** Delivers one message as it is, in an event of the node (for gaps and InstallSnapshot). */
  void deliver(ApplyMsg msg) {
    ctx.defer(() -> applyCh.accept(msg));
  }

  List<Integer> snapshotIndices() {
    return snapshotIndices;
  }

  byte[] lastSnapshot() {
    return snapshot.clone();
  }

  private void persist() {
    int entries = log.size() - snapshotIndex;
    byte[] state = new byte[4 + BYTES_PER_ENTRY * Math.max(0, entries)];
    ByteBuffer.wrap(state).putInt(log.size());
    ctx.persister().save(state, snapshot);
  }
}
