package simlab.shardkv;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.shardctrler.Config;
import simlab.shardctrler.Proposals;
import simlab.shardctrler.ShardCtrlerClerk;
import simlab.shardctrler.ShardCtrlerFactory;
import simlab.sim.Killable;
import simlab.sim.NodeContext;
import simlab.sim.ValueCodec;

/**
 * One server of a shard replica group: a {@link GroupState} driven by Raft, plus the
 * leader's background work. Design (also in labs/lab5-shards.md):
 * <ul>
 *   <li><b>Configurations</b>: the leader polls the controller every {@link #POLL} for the
 *       configuration after its current one, and only when no shard is in motion; it logs
 *       it, so every replica switches at the same point of the log, one config at a time.</li>
 *   <li><b>Migration is pull-based</b>: a shard gained from group G is PULLING; the leader
 *       asks G's servers for it ({@code PullShard}); G answers from any replica that has
 *       reached the same configuration, where the shard is frozen (BEPULLING). The data and
 *       its dedup table are logged ({@code InsertShard}) and the shard is served at once
 *       (GC) while other shards may still be pulling.</li>
 *   <li><b>Garbage collection</b>: for a shard in GC, the leader tells G
 *       ({@code DeleteShard}); G logs {@code DropShard}, deletes its copy and acknowledges
 *       after applying; then the new owner logs {@code GcDone} and the shard is SERVING.</li>
 * </ul>
 * Client requests are answered after they are applied. All numbers come from Raft-applied
 * state, so replicas never disagree on which shards they serve at a given log index.
 */
public final class ShardKVServer implements Killable, simlab.shardctrler.RaftBacked {
  /** Background period of the leader (pull, GC); the controller is polled every second tick. */
  public static final Duration TICK = Duration.ofMillis(50);
  public static final Duration POLL = TICK.multipliedBy(2);

  private final NodeContext ctx;
  private final int gid;
  private final int maxRaftState;
  private final GroupState state;
  private final Proposals proposals;
  private final ShardCtrlerClerk ctrler;
  private final Raft raft;
  private final Set<Integer> pulling = new TreeSet<>();
  private final Set<Integer> collecting = new TreeSet<>();
  private boolean querying;
  private int lastApplied;
  private int leaderTerm = -1;
  private long ticks;
  private boolean dead;
  private boolean snapshotPending;
  /** One codec per incarnation: it caches reflection data across snapshots. */
  private final ValueCodec codec = new ValueCodec();

  public ShardKVServer(NodeContext ctx, List<String> servers, int me, int gid, List<String> ctrlers,
      int maxRaftState, RaftFactory raftFactory, ShardCtrlerFactory ctrlerFactory) {
    this.ctx = ctx;
    this.gid = gid;
    this.maxRaftState = maxRaftState;
    this.state = new GroupState(gid);
    this.proposals = new Proposals(ctx);
    this.ctrler = ctrlerFactory.makeClerk(ctx, ctrlers);
    byte[] snap = ctx.persister().readSnapshot();
    if (snap.length > 0) {
      restore(snap);
    }
    ctx.handleAsync(KvRequest.class, this::onClient);
    ctx.handle(MigrationRpcs.PullShard.class, this::onPull);
    ctx.handleAsync(MigrationRpcs.DeleteShard.class, this::onDelete);
    this.raft = raftFactory.make(ctx, servers, me, this::onApply);
    ctx.schedule(TICK, this::tick);
  }

  // ---- requests ----------------------------------------------------------------------

  private void onClient(KvRequest req, NodeContext.Responder<KvReply> responder) {
    if (!raft.getState().isLeader()) {
      responder.reply(KvReply.of(KvErr.WRONG_LEADER));
      return;
    }
    if (!state.serves(ShardKVFactory.key2shard(req.key()))) {
      responder.reply(KvReply.of(KvErr.WRONG_GROUP));
      return;
    }
    boolean started = proposals.propose(raft, req, result -> responder.reply((KvReply) result),
        () -> responder.reply(KvReply.of(KvErr.WRONG_LEADER)));
    if (!started) {
      responder.reply(KvReply.of(KvErr.WRONG_LEADER));
    }
  }

  private MigrationRpcs.PullShardReply onPull(MigrationRpcs.PullShard req) {
    ShardData data = state.frozen(req.configNum(), req.shard());
    return data == null ? new MigrationRpcs.PullShardReply(KvErr.NOT_READY, null)
        : new MigrationRpcs.PullShardReply(KvErr.OK, data);
  }

  private void onDelete(MigrationRpcs.DeleteShard req, NodeContext.Responder<MigrationRpcs.DeleteShardReply> responder) {
    if (dropped(req)) {
      responder.reply(new MigrationRpcs.DeleteShardReply(KvErr.OK));
      return;
    }
    if (state.current().num() < req.configNum()) {
      responder.reply(new MigrationRpcs.DeleteShardReply(KvErr.NOT_READY));
      return;
    }
    boolean started = proposals.propose(raft, new GroupOp.DropShard(req.configNum(), req.shard()),
        result -> responder.reply(new MigrationRpcs.DeleteShardReply(dropped(req) ? KvErr.OK : KvErr.NOT_READY)),
        () -> responder.reply(new MigrationRpcs.DeleteShardReply(KvErr.WRONG_LEADER)));
    if (!started) {
      responder.reply(new MigrationRpcs.DeleteShardReply(KvErr.WRONG_LEADER));
    }
  }

  /** Whether this replica's copy of the shard the request names is gone (or was never frozen here). */
  private boolean dropped(MigrationRpcs.DeleteShard req) {
    int num = state.current().num();
    // Past that config: we only move on once every frozen shard was dropped.
    return num > req.configNum() || (num == req.configNum() && state.status(req.shard()) != ShardStatus.BEPULLING);
  }

  // ---- apply -------------------------------------------------------------------------

  private void onApply(ApplyMsg msg) {
    if (msg instanceof ApplyMsg.Command c) {
      if (c.index() <= lastApplied) {
        return;
      }
      lastApplied = c.index();
      Object result = apply(c.command());
      proposals.applied(c.index(), c.term(), result);
      maybeSnapshotSoon();
    } else if (msg instanceof ApplyMsg.Snapshot s) {
      if (s.index() <= lastApplied) {
        return;
      }
      restore(s.snapshot());
      lastApplied = s.index();
      proposals.droppedThrough(s.index());
    }
  }

  private Object apply(Object command) {
    if (command instanceof KvRequest r) {
      return state.applyClient(r);
    } else if (command instanceof GroupOp.Reconfigure r) {
      return state.applyReconfigure(r.config());
    } else if (command instanceof GroupOp.InsertShard i) {
      return state.applyInsert(i.configNum(), i.shard(), i.data());
    } else if (command instanceof GroupOp.DropShard d) {
      return state.applyDrop(d.configNum(), d.shard());
    } else if (command instanceof GroupOp.GcDone g) {
      return state.applyGcDone(g.configNum(), g.shard());
    }
    return null;
  }

  // ---- leader background work --------------------------------------------------------

  private void tick() {
    if (dead) {
      return;
    }
    ctx.schedule(TICK, this::tick);
    Raft.RaftState rs = raft.getState();
    if (!rs.isLeader()) {
      leaderTerm = -1;
      return;
    }
    if (rs.term() != leaderTerm) {
      leaderTerm = rs.term();
      raft.start(new GroupOp.NoOp(rs.term()));
    }
    if (ticks++ % 2 == 0) {
      pollConfig();
    }
    Config cur = state.current();
    for (int s = 0; s < Config.NSHARDS; s++) {
      ShardStatus st = state.status(s);
      if (st == ShardStatus.PULLING && pulling.add(s)) {
        pull(cur.num(), s, state.previous().serversOf(state.previous().gidOf(s)), 0);
      } else if (st == ShardStatus.GC && collecting.add(s)) {
        collect(cur.num(), s, state.previous().serversOf(state.previous().gidOf(s)), 0);
      }
    }
  }

  private void pollConfig() {
    if (querying || !state.stable()) {
      return;
    }
    querying = true;
    int want = state.current().num() + 1;
    ctrler.query(want).onComplete(cfg -> {
      querying = false;
      if (!dead && cfg.num() == want && state.current().num() + 1 == want) {
        raft.start(new GroupOp.Reconfigure(cfg));
      }
    });
  }

  private void pull(int num, int shard, List<String> from, int i) {
    if (i >= from.size() || state.current().num() != num) {
      pulling.remove(shard);
      return;
    }
    ctx.call(from.get(i), new MigrationRpcs.PullShard(num, shard), reply -> {
      if (reply.isPresent() && reply.get().err() == KvErr.OK) {
        pulling.remove(shard);
        if (state.current().num() == num && state.status(shard) == ShardStatus.PULLING) {
          raft.start(new GroupOp.InsertShard(num, shard, reply.get().data()));
        }
      } else {
        pull(num, shard, from, i + 1);
      }
    });
  }

  private void collect(int num, int shard, List<String> from, int i) {
    if (i >= from.size() || state.current().num() != num) {
      collecting.remove(shard);
      return;
    }
    ctx.call(from.get(i), new MigrationRpcs.DeleteShard(num, shard), reply -> {
      if (reply.isPresent() && reply.get().err() == KvErr.OK) {
        collecting.remove(shard);
        if (state.current().num() == num && state.status(shard) == ShardStatus.GC) {
          raft.start(new GroupOp.GcDone(num, shard));
        }
      } else {
        collect(num, shard, from, i + 1);
      }
    });
  }

  // ---- snapshots ---------------------------------------------------------------------

  /**
   * Snapshots once per burst of applied entries rather than after each: Raft applies a
   * burst back to back, and encoding the whole state per entry made busy tests CPU-bound.
   * The Raft state can overshoot maxraftstate by one burst, well inside the 8x bound.
   */
  private void maybeSnapshotSoon() {
    if (maxRaftState <= 0 || snapshotPending || ctx.persister().raftStateSize() < maxRaftState) {
      return;
    }
    snapshotPending = true;
    ctx.defer(() -> {
      snapshotPending = false;
      if (!dead && ctx.persister().raftStateSize() >= maxRaftState) {
        raft.snapshot(lastApplied, encode());
      }
    });
  }

  /** What a snapshot holds. */
  public record Persisted(int lastApplied, GroupState.Snap state) {
  }

  private byte[] encode() {
    return codec.toBytes(new Persisted(lastApplied, state.snapshot()));
  }

  private void restore(byte[] bytes) {
    Persisted p = (Persisted) codec.fromBytes(bytes);
    state.restore(p.state());
    lastApplied = p.lastApplied();
  }

  // ---- introspection -----------------------------------------------------------------

  @Override
  public Raft raftPeer() {
    return raft;
  }

  public int gid() {
    return gid;
  }

  /** The replicated state as this replica has applied it (read-only use by tests). */
  public GroupState state() {
    return state;
  }

  @Override
  public void kill() {
    dead = true;
    raft.kill();
  }
}
