package simlab.raft;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;
import simlab.sim.Killable;
import simlab.sim.NodeContext;
import simlab.sim.Rpc;
import simlab.sim.Timer;

/**
 * The driver that binds the pure {@link RaftCore} to a {@link NodeContext}: every event (a request,
 * a reply, a timer, start(), snapshot()) becomes one core step, and the {@link Ready} it returns is
 * carried out by {@link #carryOut} in the order Ready documents (persist first, so nothing that
 * depends on new state leaves before it is durable) and then advanced. The driver owns the timers,
 * the coalesced replication event and the {@link Applier}; it keeps no Raft state of its own.
 *
 * <p>Timing (virtual), by default ({@link RaftTiming#DEFAULT}): heartbeats every 100 ms (the 6.5840
 * cap is 10/s); election timeouts uniform in [300, 600) ms, so after a leader fails a new one
 * normally wins within about a second, well inside the 5 s requirement, while three heartbeats fit
 * in the shortest timeout. Experiments pass another {@link RaftTiming} (Figure 16's ranges,
 * Pre-Vote).
 */
public final class ReferenceRaft implements ReadIndexRaft, RaftIntrospection, Killable {
  static final Duration HEARTBEAT = RaftTiming.DEFAULT.heartbeat();

  private final NodeContext ctx;
  private final List<String> peers;
  private final RaftCore core;
  private final Applier applier;
  private final LogEncoder encoder = new LogEncoder();
  private Timer electionTimer;
  private Timer heartbeatTimer;

  /** Pre-Vote only: runs for the minimum election timeout after a leader was last heard. */
  private Timer leaseTimer;

  private final RaftTiming timing;
  private final RaftOptions options;

  /** ReadIndex requests awaiting their answer, by token (looked up, never iterated in order). */
  private final Map<Long, Consumer<OptionalInt>> reads = new HashMap<>();

  private long nextReadToken;
  private boolean replicationScheduled;
  private boolean killed;

  public ReferenceRaft(NodeContext ctx, List<String> peers, int me, Consumer<ApplyMsg> applyCh) {
    this(ctx, peers, me, applyCh, RaftTiming.DEFAULT);
  }

  public ReferenceRaft(
      NodeContext ctx, List<String> peers, int me, Consumer<ApplyMsg> applyCh, RaftTiming timing) {
    this(ctx, peers, me, applyCh, timing, RaftOptions.DEFAULT);
  }

  /** A peer with protocol options beyond the graded defaults (the real-network runtime's). */
  public ReferenceRaft(
      NodeContext ctx,
      List<String> peers,
      int me,
      Consumer<ApplyMsg> applyCh,
      RaftTiming timing,
      RaftOptions options) {
    this(
        ctx,
        peers,
        me,
        applyCh,
        timing,
        options,
        (self, size, state, snapshot) ->
            new RaftCore(self, size, state, snapshot, timing.preVote(), options.readIndex()));
  }

  /** Builds the core of a peer from its restored state: the reference core, or a zoo variant. */
  @FunctionalInterface
  interface CoreMaker {
    RaftCore make(int me, int size, PersistentState state, byte[] snapshot);
  }

  /**
   * The same driver around another core: a seam for the test tree's zoo of broken Raft peers (see
   * {@link RaftCore}), not part of the public API.
   */
  ReferenceRaft(
      NodeContext ctx,
      List<String> peers,
      int me,
      Consumer<ApplyMsg> applyCh,
      CoreMaker coreMaker) {
    this(ctx, peers, me, applyCh, RaftTiming.DEFAULT, RaftOptions.DEFAULT, coreMaker);
  }

  private ReferenceRaft(
      NodeContext ctx,
      List<String> peers,
      int me,
      Consumer<ApplyMsg> applyCh,
      RaftTiming timing,
      RaftOptions options,
      CoreMaker coreMaker) {
    this.ctx = ctx;
    this.peers = List.copyOf(peers);
    this.timing = timing;
    this.options = options;
    PersistentState state = PersistentState.decode(ctx.persister().readRaftState());
    this.core = coreMaker.make(me, peers.size(), state, ctx.persister().readSnapshot());
    this.applier = new Applier(ctx, core, applyCh, () -> killed);
    ctx.handleAsync(RequestVote.class, this::serve);
    ctx.handleAsync(AppendEntries.class, this::serve);
    ctx.handleAsync(InstallSnapshot.class, this::serve);
    if (timing.preVote()) {
      ctx.handleAsync(PreVote.class, this::serve);
    }
    resetElectionTimer();
  }

  // ---- Raft -------------------------------------------------------------------------------

  @Override
  public StartResult start(Object command) {
    if (killed) {
      return new StartResult(-1, core.term, false);
    }
    Ready ready = core.propose(command);
    carryOut(ready);
    return (StartResult) ready.reply();
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
    carryOut(core.compact(index, snapshot));
  }

  @Override
  public boolean readIndexEnabled() {
    return options.readIndex();
  }

  @Override
  public void readIndex(Consumer<OptionalInt> onResult) {
    if (killed || !options.readIndex()) {
      onResult.accept(OptionalInt.empty());
      return;
    }
    long token = ++nextReadToken;
    reads.put(token, onResult);
    carryOut(core.readIndex(token));
  }

  /** Hands the core's ReadIndex answers to their requesters (after the step that made them). */
  private void deliverReads() {
    for (RaftCore.ReadResult r : core.takeReadResults()) {
      Consumer<OptionalInt> onResult = reads.remove(r.token());
      if (onResult != null) {
        onResult.accept(r.index() < 0 ? OptionalInt.empty() : OptionalInt.of(r.index()));
      }
    }
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
    cancel(leaseTimer);
    electionTimer = null;
    heartbeatTimer = null;
    if (!reads.isEmpty()) {
      // Refused in token order, so the answers do not depend on the map's layout.
      List<Long> tokens = new java.util.ArrayList<>(reads.keySet());
      tokens.sort(null);
      for (long t : tokens) {
        reads.remove(t).accept(OptionalInt.empty());
      }
    }
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

  /** Exposed so the invariant monitor checks one vote per term across restarts. */
  @Override
  public int votedFor() {
    return core.votedFor;
  }

  @Override
  public String role() {
    return core.role.label();
  }

  /**
   * Exposed so the invariant monitor checks that acknowledged entries survive (see the interface).
   */
  @Override
  public int acknowledgedIndex() {
    return core.ackTerm == core.term ? core.ackIndex : 0;
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
  private <Q extends Rpc<R> & Message, R> void serve(
      Q request, NodeContext.Responder<R> responder) {
    if (killed) {
      responder.fail();
      return;
    }
    Ready ready = core.step(request);
    carryOut(ready); // persists before the reply leaves
    renewLease();
    responder.reply(ready.replyTo(request));
  }

  /**
   * Carries out one Ready in the order {@link Ready} documents, then advances it. The reply of a
   * request step is the caller's to send, after this returns; the apply Ready is the {@link
   * Applier}'s.
   */
  private void carryOut(Ready ready) {
    if (ready.persist() != null) {
      ctx.persister().save(encoder.encode(ready.persist()), ready.persist().snapshot());
    }
    for (Ready.Send s : ready.messages()) {
      send(s);
    }
    syncTimers(ready.timers());
    if (ready.replicate()) {
      scheduleReplication();
    }
    if (ready.applyPending()) {
      applier.schedule();
    }
    core.advance(ready);
    if (options.readIndex()) {
      deliverReads();
    }
  }

  private void send(Ready.Send s) {
    String peer = peers.get(s.peer());
    int to = s.peer();
    if (s.message() instanceof AppendEntries ae) {
      ctx.call(peer, ae, reply -> onResponse(new Response(to, ae, reply)));
    } else if (s.message() instanceof RequestVote rv) {
      ctx.call(peer, rv, reply -> onResponse(new Response(to, rv, reply)));
    } else if (s.message() instanceof InstallSnapshot is) {
      ctx.call(peer, is, reply -> onResponse(new Response(to, is, reply)));
    } else if (s.message() instanceof PreVote pv) {
      ctx.call(peer, pv, reply -> onResponse(new Response(to, pv, reply)));
    } else {
      throw new IllegalStateException("unknown message " + s.message());
    }
  }

  private void onResponse(Response response) {
    if (!killed) {
      carryOut(core.step(response));
    }
  }

  /**
   * One deferred replication pass per burst of starts/replies (coalescing keeps the RPC count low).
   */
  private void scheduleReplication() {
    if (!replicationScheduled && !killed) {
      replicationScheduled = true;
      ctx.defer(
          () -> {
            replicationScheduled = false;
            if (!killed) {
              carryOut(core.replicate());
            }
          });
    }
  }

  private void syncTimers(Ready.Timers timers) {
    if (killed || timers == Ready.Timers.UNCHANGED) {
      return;
    }
    if (timers == Ready.Timers.HEARTBEAT) {
      cancel(electionTimer);
      electionTimer = null;
      if (heartbeatTimer == null) {
        heartbeatTimer = ctx.schedule("heartbeat", timing.heartbeat(), this::onHeartbeat);
      }
    } else {
      cancel(heartbeatTimer);
      heartbeatTimer = null;
      if (timers == Ready.Timers.ELECTION_RESTART || electionTimer == null) {
        resetElectionTimer();
      }
    }
  }

  private void onHeartbeat() {
    heartbeatTimer = null;
    if (!killed) {
      carryOut(core.heartbeatTimeout());
    }
  }

  /**
   * Pre-Vote: after a step in which a leader was heard, (re)start the lease timer; when it runs
   * out, the core may grant pre-votes again.
   */
  private void renewLease() {
    if (!timing.preVote() || !core.takeLeaderHeard() || killed) {
      return;
    }
    cancel(leaseTimer);
    leaseTimer =
        ctx.schedule(
            timing.electionMin(),
            () -> {
              leaseTimer = null;
              if (!killed) {
                carryOut(core.leaderLeaseExpired());
              }
            });
  }

  private void resetElectionTimer() {
    cancel(electionTimer);
    // With the default timing this is the draw the reference always made:
    // 300 ms + nextLong(300) whole milliseconds.
    long steps = timing.spreadSteps();
    Duration timeout =
        steps == 0 ? timing.electionMin() : timing.electionTimeout(ctx.random().nextLong(steps));
    electionTimer =
        ctx.schedule(
            "election",
            timeout,
            () -> {
              electionTimer = null;
              if (!killed) {
                carryOut(core.electionTimeout());
              }
            });
  }

  private static void cancel(Timer t) {
    if (t != null) {
      t.cancel();
    }
  }
}
