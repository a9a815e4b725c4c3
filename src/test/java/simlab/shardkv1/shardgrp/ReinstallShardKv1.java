package simlab.shardkv1.shardgrp;

import java.util.List;
import java.util.function.Function;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.VersionedClerk;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.rsm.Rsm;
import simlab.rsm.RsmErr;
import simlab.rsm.Submitted;
import simlab.shardctrler.RaftBacked;
import simlab.shardkv1.ReferenceShardKv1;
import simlab.shardkv1.ShardKv1Factory;
import simlab.shardkv1.shardctrler.ShardCtrler;
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
 * Deliberately broken lab 5 (2025) implementation: shard groups whose InstallShard treats a repeat
 * (same configuration number, shard already served) as a fresh install and puts the copy back over
 * the data clients wrote since ({@link ReinstallStateMachine}); the reference controller and clerk.
 * Run it with {@code --impl shardkv1=simlab.shardkv1.shardgrp.ReinstallShardKv1}.
 */
public final class ReinstallShardKv1 implements ShardKv1Factory {
  private final ReferenceShardKv1 ref = new ReferenceShardKv1();

  @Override
  public Object makeGroupServer(
      NodeContext ctx, List<String> servers, int me, int gid, int maxRaftState, RaftFactory raft) {
    return new Server(ctx, servers, me, gid, maxRaftState, raft);
  }

  @Override
  public ShardCtrler makeCtrler(NodeContext ctx, VersionedClerk kvsrv) {
    return ref.makeCtrler(ctx, kvsrv);
  }

  @Override
  public VersionedClerk makeClerk(NodeContext ctx, ShardCtrler ctrler) {
    return ref.makeClerk(ctx, ctrler);
  }

  /** The reference server's RPC glue over the broken state machine. */
  private static final class Server implements Killable, RaftBacked {
    private final Rsm rsm;

    Server(
        NodeContext ctx,
        List<String> servers,
        int me,
        int gid,
        int maxRaftState,
        RaftFactory raftFactory) {
      this.rsm =
          new Rsm(
              ctx,
              servers,
              me,
              raftFactory,
              maxRaftState,
              new ReinstallStateMachine(gid),
              Rsm.Dedup.NONE);
      serve(ctx, GetArgs.class, e -> new GetReply("", 0, e));
      serve(ctx, PutArgs.class, PutReply::new);
      serve(ctx, FreezeShardArgs.class, e -> new FreezeShardReply(new byte[0], 0, e));
      serve(ctx, InstallShardArgs.class, InstallShardReply::new);
      serve(ctx, DeleteShardArgs.class, DeleteShardReply::new);
    }

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
}
