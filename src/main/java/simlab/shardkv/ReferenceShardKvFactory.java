package simlab.shardkv;

import java.util.List;
import simlab.raft.RaftFactory;
import simlab.shardctrler.ShardCtrlerFactory;
import simlab.sim.NodeContext;

/** The reference lab 5B implementation: {@link ShardKvServer} and {@link ShardClerk}. */
public final class ReferenceShardKvFactory implements ShardKvFactory {
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
    return new ShardKvServer(ctx, servers, me, gid, ctrlers, maxRaftState, raft, ctrler);
  }

  @Override
  public ShardKvClerk makeClerk(NodeContext ctx, List<String> ctrlers, ShardCtrlerFactory ctrler) {
    return new ShardClerk(ctx, ctrler.makeClerk(ctx, ctrlers));
  }
}
