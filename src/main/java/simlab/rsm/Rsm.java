package simlab.rsm;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.raft.ReadIndexRaft;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;
import simlab.sim.ValueCodec;

/**
 * A replicated state machine on Raft (6.5840 2025's {@code rsm.RSM}): it builds the Raft peer on
 * this node, submits commands, runs the apply loop into a {@link StateMachine}, answers each
 * submitter once its command is applied, keeps writes at-most-once, and snapshots and restores. The
 * KV service, the shard controller and the shard groups are each a state machine plus RPC glue on
 * top of one of these.
 *
 * <p><b>The wait policy, one for every service.</b> A submit waits for the entry at the index Raft
 * gave it (see {@link Waiters} for every way a wait ends). Two numbers:
 *
 * <ul>
 *   <li>{@link #LEADERSHIP_POLL} = 50 ms: how often waiting submits check that this peer still
 *       leads in the term it had at submit. Half the reference Raft's 100 ms heartbeat and well
 *       under its 300–600 ms election timeout, so a deposed leader's callers learn within 50 ms of
 *       the step-down and retry at the new leader.
 *   <li>{@link #COMMIT_TIMEOUT} = 500 ms: a leader cut off in a minority never learns it lost, so
 *       waits also end after this long. A command commits in one AppendEntries round trip (≤ 2 × 26
 *       ms on the unreliable network) or, after a drop, at the next 100 ms heartbeat; 500 ms is
 *       five heartbeats, so a healthy leader essentially never times out, while a clerk stuck at a
 *       cut-off leader moves on in half a second. (The KV service used 500 ms, the controller and
 *       the shard groups 800 ms with no poll; the poll now catches the common case, leader loss, in
 *       50 ms, so the timeout only covers the partitioned leader and the shorter of the two was
 *       kept.)
 * </ul>
 *
 * <p><b>Duplicates.</b> With {@link Dedup#BY_CLIENT} the RSM keeps one {@link DuplicateTable} for
 * commands that implement {@link ClientOp}: a write whose (clientId, seq) was already applied is
 * answered from the table without calling doOp. The table lives in the RSM's snapshots. With {@link
 * Dedup#NONE} the state machine deduplicates itself (shardkv keeps a table per shard, because
 * tables move with shards).
 *
 * <p><b>Snapshots.</b> With {@code maxRaftState ≥ 0}, once the persisted Raft state reaches that
 * many bytes the RSM snapshots (last applied index, duplicate table, the state machine's bytes) and
 * hands it to {@link Raft#snapshot}. It does so once per burst of applied entries, in a deferred
 * event, not after each: Raft applies a burst back to back, and encoding the whole state per entry
 * made busy tests CPU-bound; the Raft state overshoots by at most one burst, well inside the tests'
 * 8× bound. The constructor restores the persisted snapshot before building Raft, and an
 * InstallSnapshot from the leader arrives through the apply loop as {@link ApplyMsg.Snapshot}.
 */
public final class Rsm implements ReplicatedStateMachine {
  /**
   * How long a submit may wait for its entry to be applied (see the class comment for why 500 ms).
   */
  public static final Duration COMMIT_TIMEOUT = Duration.ofMillis(500);

  /** How often waiting submits check leadership and their timeouts (see the class comment). */
  public static final Duration LEADERSHIP_POLL = Duration.ofMillis(50);

  /**
   * Whether a waiting submit also ends after {@link #COMMIT_TIMEOUT}. The 2024 services (kv,
   * shardctrler, shardkv) use {@link #TIMEOUT}; 6.5840 2025's rsm has no timeout (a minority
   * leader's Submit waits until it learns of a newer term, which TestLeaderPartition4A checks), so
   * the 2025 reference ({@link ReferenceRsmFactory}) uses {@link #UNTIL_LEADERSHIP_CHANGES}. Every
   * other way a wait ends is the same in both.
   */
  public enum WaitPolicy {
    /** Also end with {@link RsmErr#TIMEOUT} after {@link #COMMIT_TIMEOUT}. */
    TIMEOUT,
    /** End only on apply, loss of leadership or term, a covering snapshot, or shutdown. */
    UNTIL_LEADERSHIP_CHANGES
  }

  /** Who keeps writes at-most-once. */
  public enum Dedup {
    /** The RSM keeps one duplicate table for every {@link ClientOp} command. */
    BY_CLIENT,
    /** The state machine deduplicates on its own (for example one table per shard). */
    NONE
  }

  private final NodeContext ctx;
  private final StateMachine sm;
  private final int maxRaftState;
  private final DuplicateTable duplicates;
  private final Waiters waiters;

  /** One codec per incarnation: it caches reflection data across snapshots. */
  private final ValueCodec codec = new ValueCodec();

  private final Raft raft;

  /** ReadIndex reads whose index is confirmed, waiting until it is applied here (by index). */
  private final TreeMap<Integer, List<Runnable>> readsAwaitingApply = new TreeMap<>();

  private int lastApplied;
  private boolean snapshotPending;
  private boolean killed;

  /**
   * Builds the RSM and its Raft peer on {@code ctx} (6.5840's {@code MakeRSM}), restoring the
   * persisted snapshot first. {@code servers} lists every replica, this one at {@code me}.
   */
  public Rsm(
      NodeContext ctx,
      List<String> servers,
      int me,
      RaftFactory raftFactory,
      int maxRaftState,
      StateMachine sm,
      Dedup dedup) {
    this(ctx, servers, me, raftFactory, maxRaftState, sm, dedup, WaitPolicy.TIMEOUT);
  }

  /** As above, with the given {@link WaitPolicy}. */
  public Rsm(
      NodeContext ctx,
      List<String> servers,
      int me,
      RaftFactory raftFactory,
      int maxRaftState,
      StateMachine sm,
      Dedup dedup,
      WaitPolicy waitPolicy) {
    this.ctx = ctx;
    this.sm = sm;
    this.maxRaftState = maxRaftState;
    this.duplicates = dedup == Dedup.BY_CLIENT ? new DuplicateTable() : null;
    this.waiters = new Waiters(ctx, () -> raft().getState(), waitPolicy);
    byte[] snapshot = ctx.persister().readSnapshot();
    if (snapshot.length > 0) {
      restore(snapshot);
    }
    this.raft = raftFactory.make(ctx, servers, me, this::onApply);
  }

  /**
   * Submits {@code command} to Raft and completes once it is applied here, with doOp's result, or
   * with {@link RsmErr#WRONG_LEADER} / {@link RsmErr#TIMEOUT}. Never blocks: the future completes
   * inside a later event (or at once when this peer is not leader).
   */
  @Override
  public SimFuture<Submitted> submit(Object command) {
    if (killed) {
      return SimFuture.completed(Submitted.failed(RsmErr.WRONG_LEADER));
    }
    Raft.StartResult started = raft.start(command);
    if (!started.isLeader()) {
      return SimFuture.completed(Submitted.failed(RsmErr.WRONG_LEADER));
    }
    return waiters.await(started.index(), started.term());
  }

  /**
   * Runs a read-only {@code command} linearizably. When the Raft peer offers ReadIndex ({@link
   * ReadIndexRaft}, on only in the real-network runtime) no log entry is written: once Raft has
   * confirmed a read index, the read waits until that index is applied here and then runs doOp on
   * the state. When Raft refuses (not leader, no entry of its term committed yet, leadership not
   * confirmed in time) or does not offer ReadIndex, the command goes through the log as {@link
   * #submit} does. Completes with doOp's result, or as submit would fail.
   */
  public SimFuture<Submitted> read(Object command) {
    if (killed) {
      return SimFuture.completed(Submitted.failed(RsmErr.WRONG_LEADER));
    }
    if (!(raft instanceof ReadIndexRaft ri) || !ri.readIndexEnabled()) {
      return submit(command);
    }
    SimFuture<Submitted> f = new SimFuture<>();
    ri.readIndex(
        index -> {
          if (killed) {
            f.complete(Submitted.failed(RsmErr.WRONG_LEADER));
          } else if (index.isEmpty()) {
            submit(command).onComplete(f::complete);
          } else if (index.getAsInt() <= lastApplied) {
            f.complete(Submitted.ok(sm.doOp(command)));
          } else {
            readsAwaitingApply
                .computeIfAbsent(index.getAsInt(), k -> new ArrayList<>())
                .add(
                    () ->
                        f.complete(
                            killed
                                ? Submitted.failed(RsmErr.WRONG_LEADER)
                                : Submitted.ok(sm.doOp(command))));
          }
        });
    return f;
  }

  /** Runs the reads waiting for an index this replica has now applied. */
  private void releaseReads() {
    while (!readsAwaitingApply.isEmpty() && readsAwaitingApply.firstKey() <= lastApplied) {
      for (Runnable r : readsAwaitingApply.pollFirstEntry().getValue()) {
        r.run();
      }
    }
  }

  /**
   * Puts {@code command} in the log with nobody waiting for it (a service's own background
   * commands: configuration changes, migrated shards, no-ops). Returns whether this peer was
   * leader. Whether the command still applies when committed is doOp's decision.
   */
  public boolean propose(Object command) {
    return !killed && raft.start(command).isLeader();
  }

  /** The Raft peer (6.5840's {@code rsm.Raft()}): for leadership checks and the harness. */
  @Override
  public Raft raft() {
    return raft;
  }

  /** The index of the last command applied to the state machine (or covered by its snapshot). */
  public int lastApplied() {
    return lastApplied;
  }

  /** Stops Raft and answers every waiting submit {@link RsmErr#WRONG_LEADER}. */
  @Override
  public void kill() {
    killed = true;
    raft.kill();
    waiters.failAll();
    while (!readsAwaitingApply.isEmpty()) {
      for (Runnable r : readsAwaitingApply.pollFirstEntry().getValue()) {
        r.run(); // killed: answers WRONG_LEADER
      }
    }
  }

  // ---- the apply loop ----------------------------------------------------------------

  private void onApply(ApplyMsg msg) {
    if (killed) {
      return;
    }
    if (msg instanceof ApplyMsg.Command c) {
      applyCommand(c);
    } else if (msg instanceof ApplyMsg.Snapshot s) {
      installSnapshot(s);
    }
  }

  private void applyCommand(ApplyMsg.Command c) {
    if (c.index() <= lastApplied) {
      return; // already in the state (restored from a snapshot that covers it)
    }
    if (c.index() != lastApplied + 1) {
      throw new IllegalStateException(
          ctx.id()
              + ": Raft applied index "
              + c.index()
              + " right after "
              + lastApplied
              + " (a gap in the applied log)");
    }
    lastApplied = c.index();
    Object result = execute(c.command());
    waiters.applied(c.index(), c.term(), result);
    if (!readsAwaitingApply.isEmpty()) {
      releaseReads();
    }
    maybeSnapshot();
  }

  /** doOp, unless the command is a write the duplicate table has already seen. */
  private Object execute(Object command) {
    if (duplicates == null || !(command instanceof ClientOp op) || op.readOnly()) {
      return sm.doOp(command);
    }
    DuplicateTable.Last seen = duplicates.duplicateOf(op.clientId(), op.seq());
    if (seen != null) {
      return seen.result();
    }
    Object result = sm.doOp(command);
    duplicates.record(op.clientId(), op.seq(), result);
    return result;
  }

  private void installSnapshot(ApplyMsg.Snapshot s) {
    if (s.index() <= lastApplied) {
      return;
    }
    restore(s.snapshot());
    // Commands covered by the snapshot may or may not have been applied as submitted: let
    // their callers retry; the duplicate table keeps their writes at-most-once.
    waiters.coveredThrough(lastApplied);
    if (!readsAwaitingApply.isEmpty()) {
      releaseReads();
    }
  }

  // ---- snapshots ---------------------------------------------------------------------

  private void maybeSnapshot() {
    if (maxRaftState < 0 || snapshotPending || ctx.persister().raftStateSize() < maxRaftState) {
      return;
    }
    snapshotPending = true;
    ctx.defer(
        () -> {
          snapshotPending = false;
          if (!killed && ctx.persister().raftStateSize() >= maxRaftState) {
            raft.snapshot(lastApplied, encode());
          }
        });
  }

  private byte[] encode() {
    return codec.toBytes(
        new SnapshotImage(
            lastApplied,
            duplicates == null ? ImmutableMap.of() : duplicates.export(),
            sm.snapshot()));
  }

  private void restore(byte[] bytes) {
    SnapshotImage image = (SnapshotImage) codec.fromBytes(bytes);
    sm.restore(image.state());
    if (duplicates != null) {
      duplicates.replaceWith(image.duplicates());
    }
    lastApplied = image.lastApplied();
  }
}
