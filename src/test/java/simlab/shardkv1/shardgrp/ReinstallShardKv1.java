package simlab.shardkv1.shardgrp;

import java.util.List;
import simlab.kvsrv1.VersionedClerk;
import simlab.raft.RaftFactory;
import simlab.shardkv1.ReferenceShardKv1;
import simlab.shardkv1.ShardKv1Factory;
import simlab.shardkv1.shardctrler.ShardCtrler;
import simlab.sim.NodeContext;

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
    return new ShardGrpServer(ctx, servers, me, new ReinstallStateMachine(gid), maxRaftState, raft);
  }

  @Override
  public ShardCtrler makeCtrler(NodeContext ctx, VersionedClerk kvsrv) {
    return ref.makeCtrler(ctx, kvsrv);
  }

  @Override
  public VersionedClerk makeClerk(NodeContext ctx, ShardCtrler ctrler) {
    return ref.makeClerk(ctx, ctrler);
  }
}
