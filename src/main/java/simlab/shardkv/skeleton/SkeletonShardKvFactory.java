package simlab.shardkv.skeleton;

import java.util.List;
import simlab.raft.RaftFactory;
import simlab.shardctrler.ShardCtrlerFactory;
import simlab.shardkv.ShardKvClerk;
import simlab.shardkv.ShardKvFactory;
import simlab.sim.NodeContext;

/**
 * Lab 5B starting point. Run the suite against it with {@code mvn test -Dgroups=5B
 * -Dsim.shardkv=simlab.shardkv.skeleton.SkeletonShardKvFactory}; it compiles and fails until {@link
 * SkeletonShardKvServer} is written.
 */
public final class SkeletonShardKvFactory implements ShardKvFactory {
  @Override
  public Object makeServer(
      NodeContext ctx,
      List<String> servers,
      int me,
      int gid,
      List<String> ctrlers,
      int maxRaftState,
      RaftFactory raft,
      ShardCtrlerFactory ctrler) {
    return new SkeletonShardKvServer(ctx, servers, me, gid, ctrlers, maxRaftState, raft, ctrler);
  }

  @Override
  public ShardKvClerk makeClerk(NodeContext ctx, List<String> ctrlers, ShardCtrlerFactory ctrler) {
    return new SkeletonShardKvClerk(ctx, ctrler.makeClerk(ctx, ctrlers));
  }
}
