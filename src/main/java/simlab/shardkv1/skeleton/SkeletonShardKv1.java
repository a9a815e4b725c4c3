package simlab.shardkv1.skeleton;

import java.util.List;
import simlab.kvsrv1.VersionedClerk;
import simlab.raft.RaftFactory;
import simlab.shardkv1.ShardKv1Factory;
import simlab.shardkv1.shardctrler.ShardCtrler;
import simlab.sim.NodeContext;

/** The skeleton's factory: wires the four classes below; nothing to change here. */
public final class SkeletonShardKv1 implements ShardKv1Factory {
  @Override
  public Object makeGroupServer(
      NodeContext ctx, List<String> servers, int me, int gid, int maxRaftState, RaftFactory raft) {
    return new SkeletonGroupServer(ctx, servers, me, gid, maxRaftState, raft);
  }

  @Override
  public ShardCtrler makeCtrler(NodeContext ctx, VersionedClerk kvsrv) {
    return new SkeletonCtrler(ctx, kvsrv);
  }

  @Override
  public VersionedClerk makeClerk(NodeContext ctx, ShardCtrler ctrler) {
    return new SkeletonClerk(ctx, ctrler);
  }
}
