package simlab.raft;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import simlab.sim.Killable;
import simlab.sim.NodeContext;
import simlab.sim.Timer;

/**
 * The driver that binds the pure {@link RaftCore} to a {@link NodeContext}: it owns the
 * timers, turns the core's {@link Outbox} into persister writes and calls (persisting
 * first, so nothing that depends on new state leaves before it is durable), and runs
 * the {@link Applier}.
 *
 * <p>Timing (virtual): heartbeats every 100 ms (the 6.5840 cap is 10/s); election
 * timeouts uniform in [300, 600) ms, so after a leader fails a new one normally wins
 * within about a second, well inside the 5 s requirement, while three heartbeats fit in
 * the shortest timeout.
 */
public final class ReferenceRaft implements Raft, RaftIntrospection, Killable {
  static final Duration HEARTBEAT = Duration.ofMillis(100);
  static final long ELECTION_MIN_MS = 300;
  static final long ELECTION_SPREAD_MS = 300;

  private final NodeContext ctx;
  private final List<String> peers;
  private final RaftCore core;
  private final Applier applier;
  private final LogEncoder encoder = new LogEncoder();
  private Timer electionTimer;
  private Timer heartbeatTimer;
  private boolean flushScheduled;
  private boolean killed;

  public ReferenceRaft(NodeContext ctx, List<String> peers, int me, Consumer<ApplyMsg> applyCh) {
    this.ctx = ctx;
    this.peers = List.copyOf(peers);
    PersistentState state = PersistentState.decode(ctx.persister().readRaftState());
    this.core = new RaftCore(me, peers.size(), state, ctx.persister().readSnapshot());
    this.applier = new Applier(ctx, core, applyCh, () -> killed);
    ctx.handleAsync(RequestVote.class, (req, r) -> serve(r, () -> core.handleRequestVote(req)));
    ctx.handleAsync(AppendEntries.class, (req, r) -> serve(r, () -> core.handleAppendEntries(req)));
    ctx.handleAsync(InstallSnapshot.class, (req, r) -> serve(r, () -> core.handleInstallSnapshot(req)));
    resetElectionTimer();
  }

  // ---- Raft -------------------------------------------------------------------------------

  @Override
  public StartResult start(Object command) {
    if (killed) {
      return new StartResult(-1, core.term, false);
    }
    StartResult result = core.propose(command);
    afterStep();
    return result;
  }

  @Override
  public RaftState getState() {
    return new RaftState(core.term, core.isLeader() && !killed);
  }

  @Override
  public void snapshot(int index, byte[] snapshot) {
    if (killed) {
      return;
    }
    core.compact(index, snapshot);
    afterStep();
  }

  @Override
  public int persistedSize() {
    return ctx.persister().raftStateSize();
  }

  @Override
  public void kill() {
    killed = true;
    cancel(electionTimer);
    cancel(heartbeatTimer);
    electionTimer = null;
    heartbeatTimer = null;
  }

  // ---- RaftIntrospection ------------------------------------------------------------------

  @Override
  public int currentTerm() {
    return core.term;
  }

  @Override
  public boolean isLeader() {
    return core.isLeader();
  }

  @Override
  public String role() {
    return core.role.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public int commitIndex() {
    return core.commitIndex;
  }

  @Override
  public int snapshotIndex() {
    return core.log.snapshotIndex();
  }

  @Override
  public int lastIndex() {
    return core.log.lastIndex();
  }

  @Override
  public int termAt(int index) {
    return core.log.term(index);
  }

  @Override
  public Object commandAt(int index) {
    return core.log.entry(index).command();
  }

  // ---- driving the core ----------------------------------------------------------------

  /** Answers a request: a killed peer answers nothing, as if the request were lost. */
  private <R> void serve(NodeContext.Responder<R> responder, Supplier<R> step) {
    if (killed) {
      responder.fail();
      return;
    }
    R reply = step.get();
    afterStep(); // persists before the reply leaves
    responder.reply(reply);
  }

  /** Carries out what the core asked for in its last step, in a safe order. */
  private void afterStep() {
    Outbox out = core.out;
    if (out.persist) {
      out.persist = false;
      ctx.persister().save(encoder.encode(core), core.snapshot);
    }
    for (Outbox.Send s : out.takeSends()) {
      send(s);
    }
    syncTimers();
    if (out.flush) {
      out.flush = false;
      scheduleFlush();
    }
    if (core.hasApplyWork()) {
      applier.schedule();
    }
  }

  private void send(Outbox.Send s) {
    String peer = peers.get(s.peer());
    int from = s.peer();
    if (s.message() instanceof AppendEntries ae) {
      ctx.call(peer, ae, reply -> onReply(() -> core.handleAppendEntriesReply(from, ae, reply)));
    } else if (s.message() instanceof RequestVote rv) {
      ctx.call(peer, rv, reply -> onReply(() -> core.handleRequestVoteReply(from, rv, reply)));
    } else if (s.message() instanceof InstallSnapshot is) {
      ctx.call(peer, is, reply -> onReply(() -> core.handleInstallSnapshotReply(from, is, reply)));
    } else {
      throw new IllegalStateException("unknown message " + s.message());
    }
  }

  private void onReply(Runnable step) {
    if (!killed) {
      step.run();
      afterStep();
    }
  }

  /** One deferred flush per burst of starts/replies (coalescing keeps the RPC count low). */
  private void scheduleFlush() {
    if (!flushScheduled && !killed) {
      flushScheduled = true;
      ctx.defer(() -> {
        flushScheduled = false;
        if (!killed) {
          core.flush();
          afterStep();
        }
      });
    }
  }

  private void syncTimers() {
    if (killed) {
      return;
    }
    if (core.isLeader()) {
      cancel(electionTimer);
      electionTimer = null;
      core.out.resetElectionTimer = false;
      if (heartbeatTimer == null) {
        heartbeatTimer = ctx.schedule("heartbeat", HEARTBEAT, this::onHeartbeat);
      }
    } else {
      cancel(heartbeatTimer);
      heartbeatTimer = null;
      if (core.out.resetElectionTimer || electionTimer == null) {
        core.out.resetElectionTimer = false;
        resetElectionTimer();
      }
    }
  }

  private void onHeartbeat() {
    heartbeatTimer = null;
    if (!killed) {
      core.heartbeat();
      afterStep();
    }
  }

  private void resetElectionTimer() {
    cancel(electionTimer);
    long ms = ELECTION_MIN_MS + ctx.random().nextLong(ELECTION_SPREAD_MS);
    electionTimer = ctx.schedule("election", Duration.ofMillis(ms), () -> {
      electionTimer = null;
      if (!killed) {
        core.electionTimeout();
        afterStep();
      }
    });
  }

  private static void cancel(Timer t) {
    if (t != null) {
      t.cancel();
    }
  }
}
