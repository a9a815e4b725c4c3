package simlab.shardkv.skeleton;

import java.util.List;
import simlab.raft.RaftFactory;
import simlab.shardctrler.ShardCtrlerFactory;
import simlab.shardkv.ShardKVClerk;
import simlab.shardkv.ShardKVFactory;
import simlab.sim.NodeContext;

/**
 * Lab 5B starting point. Run the suite against it with
 * {@code mvn test -Dgroups=5B -Dsim.shardkv=simlab.shardkv.skeleton.SkeletonShardKVFactory};
 * it compiles and fails until {@link SkeletonShardKVServer} is written.
 */
public final class SkeletonShardKVFactory implements ShardKVFactory {
  @Override
  public Object makeServer(NodeContext ctx, List<String> servers, int me, int gid, List<String> ctrlers,
      int maxRaftState, RaftFactory raft, ShardCtrlerFactory ctrler) {
    return new SkeletonShardKVServer(ctx, servers, me, gid, ctrlers, maxRaftState, raft, ctrler);
  }

  @Override
  public ShardKVClerk makeClerk(NodeContext ctx, List<String> ctrlers, ShardCtrlerFactory ctrler) {
    return new SkeletonShardKVClerk(ctx, ctrler.makeClerk(ctx, ctrlers));
  }
}
