package simlab.shardctrler;

import java.util.List;
import simlab.raft.RaftFactory;
import simlab.sim.NodeContext;

/** The reference lab 5A implementation: {@link ShardCtrlerServer} and {@link CtrlerClerk}. */
public final class ReferenceShardCtrlerFactory implements ShardCtrlerFactory {
  @Override
  public Object makeServer(NodeContext ctx, List<String> servers, int me, RaftFactory raft) {
    return new ShardCtrlerServer(ctx, servers, me, raft, -1);
  }

  @Override
  public ShardCtrlerClerk makeClerk(NodeContext ctx, List<String> servers) {
    return new CtrlerClerk(ctx, servers);
  }
}
