package simlab.shardctrler.skeleton;

import java.util.List;
import simlab.raft.RaftFactory;
import simlab.shardctrler.ShardCtrlerClerk;
import simlab.shardctrler.ShardCtrlerFactory;
import simlab.sim.NodeContext;

/**
 * Lab 5A starting point. Run the suite against it with {@code mvn test -Dgroups=5A
 * -Dsim.shardctrler=simlab.shardctrler.skeleton.SkeletonShardCtrlerFactory}; it compiles and fails
 * until {@link SkeletonCtrlerServer} is written.
 */
public final class SkeletonShardCtrlerFactory implements ShardCtrlerFactory {
  @Override
  public Object makeServer(NodeContext ctx, List<String> servers, int me, RaftFactory raft) {
    return new SkeletonCtrlerServer(ctx, servers, me, raft);
  }

  @Override
  public ShardCtrlerClerk makeClerk(NodeContext ctx, List<String> servers) {
    return new SkeletonCtrlerClerk(ctx, servers);
  }
}
