package simlab.raft.skeleton;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.sim.NodeContext;
import simlab.sim.Rpc;

/**
 * A Raft peer for you to write (lab 3). It compiles and runs, but it never elects a leader, so
 * every graded test fails until you fill in the TODOs. Read labs/lab3-raft.md first.
 *
 * <p>Rules of the simulator: everything happens in handlers, reply callbacks and timers that the
 * simulation calls one at a time; there are no threads, locks or sleeps. Use {@code ctx.random()}
 * for randomness, {@code ctx.now()} for time, {@code ctx.schedule} for timers and {@code
 * ctx.persister()} for durable state. Messages must be immutable values (records, String, boxed
 * primitives, Guava Immutable* collections, byte[]).
 */
final class SkeletonRaft implements Raft {
  private final NodeContext ctx;
  private final List<String> peers;
  private final int me;
  private final Consumer<ApplyMsg> applyCh;
  private boolean dead;

  // TODO(3A): persistent state on all servers (currentTerm, votedFor, log[]);
  // volatile state (commitIndex, lastApplied) and, on leaders, nextIndex[] / matchIndex[].
  private int currentTerm;

  /** RequestVote RPC arguments. TODO(3A): add the fields of Figure 2. */
  record RequestVoteArgs(int term) implements Rpc<RequestVoteReply> {}

  /** RequestVote RPC reply. TODO(3A): add the fields of Figure 2. */
  record RequestVoteReply(int term, boolean voteGranted) {}

  SkeletonRaft(NodeContext ctx, List<String> peers, int me, Consumer<ApplyMsg> applyCh) {
    this.ctx = ctx;
    this.peers = peers;
    this.me = me;
    this.applyCh = applyCh;
    // TODO(3C): restore what you persisted: readPersist(ctx.persister().readRaftState()).
    ctx.handle(RequestVoteArgs.class, this::requestVote);
    // TODO(3B): register an AppendEntries handler the same way.
    scheduleTicker();
  }

  private RequestVoteReply requestVote(RequestVoteArgs args) {
    // TODO(3A): grant the vote per Figure 2 (term, votedFor, up-to-date log check).
    return new RequestVoteReply(currentTerm, false);
  }

  /** The election ticker: a timer that re-arms itself, since nodes own no threads. */
  private void scheduleTicker() {
    long pauseMs = 50 + ctx.random().nextInt(300);
    ctx.schedule(
        Duration.ofMillis(pauseMs),
        () -> {
          if (dead) {
            return;
          }
          // TODO(3A): if no heartbeat arrived within the election timeout, become a candidate:
          // increment currentTerm, vote for yourself and send RequestVoteArgs to every peer
          // with ctx.call(peers.get(i), args, reply -> ...). The callback gets Optional.empty()
          // when the RPC was lost (labrpc's ok == false).
          scheduleTicker();
        });
  }

  @Override
  public StartResult start(Object command) {
    // TODO(3B): if leader, append the command to the log and return its index and term.
    return new StartResult(-1, currentTerm, false);
  }

  @Override
  public RaftState getState() {
    // TODO(3A): report whether this peer believes it is the leader.
    return new RaftState(currentTerm, false);
  }

  @Override
  public void snapshot(int index, byte[] snapshot) {
    // TODO(3D): discard the log through index and persist the snapshot with the Raft state.
  }

  @Override
  public int persistedSize() {
    return ctx.persister().raftStateSize();
  }

  @Override
  public void kill() {
    dead = true;
  }

  // TODO(3B): send committed entries to applyCh (new ApplyMsg.Command(index, term, command)),
  // in index order. TODO(3D): deliver ApplyMsg.Snapshot when an InstallSnapshot arrives.
  // TODO(3C): persist() currentTerm, votedFor and the log with ctx.persister().save(state,
  // snapshot)
  // (ValueCodec.encode / decode turn values into bytes and back).
}
