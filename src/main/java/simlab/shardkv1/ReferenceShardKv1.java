package simlab.shardkv1;

import java.util.List;
import simlab.kvsrv1.VersionedClerk;
import simlab.raft.RaftFactory;
import simlab.shardkv1.shardctrler.ReferenceShardCtrler;
import simlab.shardkv1.shardctrler.ShardCtrler;
import simlab.shardkv1.shardgrp.ShardGrpServer;
import simlab.sim.NodeContext;

/** The reference lab 5 (2025) implementation. */
public final class ReferenceShardKv1 implements ShardKv1Factory {
  @Override
  public Object makeGroupServer(
      NodeContext ctx, List<String> servers, int me, int gid, int maxRaftState, RaftFactory raft) {
    return new ShardGrpServer(ctx, servers, me, gid, maxRaftState, raft);
  }

  @Override
  public ShardCtrler makeCtrler(NodeContext ctx, VersionedClerk kvsrv) {
    return new ReferenceShardCtrler(ctx, kvsrv);
  }

  @Override
  public VersionedClerk makeClerk(NodeContext ctx, ShardCtrler ctrler) {
    return new ReferenceShardKv1Clerk(ctx, ctrler);
  }
}
