package simlab.shardkv;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.rsm.Rsm;
import simlab.rsm.RsmErr;
import simlab.shardctrler.Config;
import simlab.shardctrler.ShardCtrlerClerk;
import simlab.shardctrler.ShardCtrlerFactory;
import simlab.sim.Killable;
import simlab.sim.NodeContext;

/**
 * One server of a shard replica group: a {@link GroupState} under a {@link Rsm} (with per-shard
 * duplicate tables, {@code Dedup.NONE}), plus the leader's background work. Design (also in
 * labs/lab5-shards.md):
 *
 * <ul>
 *   <li><b>Configurations</b>: the leader polls the controller every {@link #POLL} for the
 *       configuration after its current one, and only when no shard is in motion; it logs it, so
 *       every replica switches at the same point of the log, one config at a time.
 *   <li><b>Migration is pull-based</b>: a shard gained from group G is PULLING; the leader asks G's
 *       servers for it ({@code PullShard}); G answers from any replica that has reached the same
 *       configuration, where the shard is frozen (BEPULLING). The data and its dedup table are
 *       logged ({@code InsertShard}) and the shard is served at once (GC) while other shards may
 *       still be pulling.
 *   <li><b>Garbage collection</b>: for a shard in GC, the leader tells G ({@code DeleteShard}); G
 *       logs {@code DropShard}, deletes its copy and acknowledges after applying; then the new
 *       owner logs {@code GcDone} and the shard is SERVING.
 * </ul>
 *
 * Client requests are submitted to the RSM and answered after they are applied (the RSM's
 * WRONG_LEADER and TIMEOUT both become WRONG_LEADER); the background commands are proposed with
 * nobody waiting, and {@link GroupState#doOp} decides whether they still apply. All numbers come
 * from Raft-applied state, so replicas never disagree on which shards they serve at a given log
 * index.
 */
public final class ShardKvServer implements Killable, simlab.shardctrler.RaftBacked {
  /** Background period of the leader (pull, GC); the controller is polled every second tick. */
  public static final Duration TICK = Duration.ofMillis(50);

  public static final Duration POLL = TICK.multipliedBy(2);

  private final NodeContext ctx;
  private final int gid;
  private final GroupState state;
  private final ShardCtrlerClerk ctrler;
  private final Rsm rsm;
  private final Set<Integer> pulling = new TreeSet<>();
  private final Set<Integer> collecting = new TreeSet<>();
  private boolean querying;
  private int leaderTerm = -1;
  private long ticks;
  private boolean dead;

  public ShardKvServer(
      NodeContext ctx,
      List<String> servers,
      int me,
      int gid,
      List<String> ctrlers,
      int maxRaftState,
      RaftFactory raftFactory,
      ShardCtrlerFactory ctrlerFactory) {
    this.ctx = ctx;
    this.gid = gid;
    this.state = new GroupState(gid);
    // The clerk first: it draws its client id from ctx.random() before Raft draws timeouts.
    this.ctrler = ctrlerFactory.makeClerk(ctx, ctrlers);
    this.rsm = new Rsm(ctx, servers, me, raftFactory, maxRaftState, state, Rsm.Dedup.NONE);
    ctx.handleAsync(KvRequest.class, this::onClient);
    ctx.handle(MigrationRpcs.PullShard.class, this::onPull);
    ctx.handleAsync(MigrationRpcs.DeleteShard.class, this::onDelete);
    ctx.schedule(TICK, this::tick);
  }

  // ---- requests ----------------------------------------------------------------------

  private void onClient(KvRequest req, NodeContext.Responder<KvReply> responder) {
    if (!rsm.raft().getState().isLeader()) {
      responder.reply(KvReply.of(Err.WRONG_LEADER));
      return;
    }
    if (!state.serves(ShardKvFactory.key2shard(req.key()))) {
      responder.reply(KvReply.of(Err.WRONG_GROUP));
      return;
    }
    rsm.submit(req)
        .onComplete(
            s ->
                responder.reply(
                    s.err() == RsmErr.OK ? (KvReply) s.result() : KvReply.of(Err.WRONG_LEADER)));
  }

  private MigrationRpcs.PullShardReply onPull(MigrationRpcs.PullShard req) {
    ShardData data = state.frozen(req.configNum(), req.shard());
    return data == null
        ? new MigrationRpcs.PullShardReply(Err.NOT_READY, null)
        : new MigrationRpcs.PullShardReply(Err.OK, data);
  }

  private void onDelete(
      MigrationRpcs.DeleteShard req,
      NodeContext.Responder<MigrationRpcs.DeleteShardReply> responder) {
    if (dropped(req)) {
      responder.reply(new MigrationRpcs.DeleteShardReply(Err.OK));
      return;
    }
    if (state.current().num() < req.configNum()) {
      responder.reply(new MigrationRpcs.DeleteShardReply(Err.NOT_READY));
      return;
    }
    rsm.submit(new GroupOp.DropShard(req.configNum(), req.shard()))
        .onComplete(
            s ->
                responder.reply(
                    new MigrationRpcs.DeleteShardReply(
                        s.err() != RsmErr.OK
                            ? Err.WRONG_LEADER
                            : dropped(req) ? Err.OK : Err.NOT_READY)));
  }

  /**
   * Whether this replica's copy of the shard the request names is gone (or was never frozen here).
   */
  private boolean dropped(MigrationRpcs.DeleteShard req) {
    int num = state.current().num();
    // Past that config: we only move on once every frozen shard was dropped.
    return num > req.configNum()
        || (num == req.configNum() && state.status(req.shard()) != ShardStatus.BEPULLING);
  }

  // ---- leader background work --------------------------------------------------------

  private void tick() {
    if (dead) {
      return;
    }
    ctx.schedule(TICK, this::tick);
    Raft.RaftState rs = rsm.raft().getState();
    if (!rs.isLeader()) {
      leaderTerm = -1;
      return;
    }
    if (rs.term() != leaderTerm) {
      leaderTerm = rs.term();
      rsm.propose(new GroupOp.NoOp(rs.term()));
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
    ctrler
        .query(want)
        .onComplete(
            cfg -> {
              querying = false;
              if (!dead && cfg.num() == want && state.current().num() + 1 == want) {
                rsm.propose(new GroupOp.Reconfigure(cfg));
              }
            });
  }

  private void pull(int num, int shard, List<String> from, int i) {
    if (i >= from.size() || state.current().num() != num) {
      pulling.remove(shard);
      return;
    }
    ctx.call(
        from.get(i),
        new MigrationRpcs.PullShard(num, shard),
        reply -> {
          if (reply.isPresent() && reply.get().err() == Err.OK) {
            pulling.remove(shard);
            if (state.current().num() == num && state.status(shard) == ShardStatus.PULLING) {
              rsm.propose(new GroupOp.InsertShard(num, shard, reply.get().data()));
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
    ctx.call(
        from.get(i),
        new MigrationRpcs.DeleteShard(num, shard),
        reply -> {
          if (reply.isPresent() && reply.get().err() == Err.OK) {
            collecting.remove(shard);
            if (state.current().num() == num && state.status(shard) == ShardStatus.GC) {
              rsm.propose(new GroupOp.GcDone(num, shard));
            }
          } else {
            collect(num, shard, from, i + 1);
          }
        });
  }

  // ---- introspection -----------------------------------------------------------------

  @Override
  public Raft raftPeer() {
    return rsm.raft();
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
    rsm.kill();
  }
}
