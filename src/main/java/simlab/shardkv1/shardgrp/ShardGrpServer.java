package simlab.shardkv1.shardgrp;

import java.util.List;
import java.util.function.Function;
import simlab.kvsrv1.Err;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.rsm.Rsm;
import simlab.rsm.RsmErr;
import simlab.rsm.StateMachine;
import simlab.rsm.Submitted;
import simlab.shardctrler.RaftBacked;
import simlab.shardkv1.shardgrp.ShardRpc.DeleteShardArgs;
import simlab.shardkv1.shardgrp.ShardRpc.DeleteShardReply;
import simlab.shardkv1.shardgrp.ShardRpc.FreezeShardArgs;
import simlab.shardkv1.shardgrp.ShardRpc.FreezeShardReply;
import simlab.shardkv1.shardgrp.ShardRpc.GetArgs;
import simlab.shardkv1.shardgrp.ShardRpc.GetReply;
import simlab.shardkv1.shardgrp.ShardRpc.InstallShardArgs;
import simlab.shardkv1.shardgrp.ShardRpc.InstallShardReply;
import simlab.shardkv1.shardgrp.ShardRpc.PutArgs;
import simlab.shardkv1.shardgrp.ShardRpc.PutReply;
import simlab.sim.Killable;
import simlab.sim.NodeContext;
import simlab.sim.Rpc;

/**
 * One server of a shard group (6.5840 {@code shardgrp.KVServer}): every RPC, reads included, is
 * submitted to the {@link Rsm} and answered with the state machine's reply once applied; a failed
 * submit (not leader, leadership lost, timeout) answers ErrWrongLeader and the clerk tries another
 * server. No duplicate table: Puts are versioned, so a resent Put is harmless, and the shard RPCs
 * are idempotent by configuration number.
 */
public final class ShardGrpServer implements Killable, RaftBacked {
  private final Rsm rsm;

  public ShardGrpServer(
      NodeContext ctx,
      List<String> servers,
      int me,
      int gid,
      int maxRaftState,
      RaftFactory raftFactory) {
    this(ctx, servers, me, new GroupStateMachine(gid), maxRaftState, raftFactory);
  }

  /**
   * A server over a given state machine: the broken implementations reuse this RPC glue over their
   * own (deliberately wrong) group state.
   */
  public ShardGrpServer(
      NodeContext ctx,
      List<String> servers,
      int me,
      StateMachine state,
      int maxRaftState,
      RaftFactory raftFactory) {
    this.rsm = new Rsm(ctx, servers, me, raftFactory, maxRaftState, state, Rsm.Dedup.NONE);
    serve(ctx, GetArgs.class, e -> new GetReply("", 0, e));
    serve(ctx, PutArgs.class, PutReply::new);
    serve(ctx, FreezeShardArgs.class, e -> new FreezeShardReply(new byte[0], 0, e));
    serve(ctx, InstallShardArgs.class, InstallShardReply::new);
    serve(ctx, DeleteShardArgs.class, DeleteShardReply::new);
  }

  /** Submits each request of type {@code type}; a failed submit answers {@code failed(..)}. */
  private <Q extends Rpc<R>, R> void serve(
      NodeContext ctx, Class<Q> type, Function<Err, R> failed) {
    ctx.handleAsync(
        type,
        (request, responder) ->
            rsm.submit(request)
                .onComplete(
                    (Submitted s) -> {
                      if (s.err() == RsmErr.OK) {
                        @SuppressWarnings("unchecked")
                        R reply = (R) s.result();
                        responder.reply(reply);
                      } else {
                        responder.reply(failed.apply(Err.ErrWrongLeader));
                      }
                    }));
  }

  @Override
  public Raft raftPeer() {
    return rsm.raft();
  }

  @Override
  public void kill() {
    rsm.kill();
  }
}
