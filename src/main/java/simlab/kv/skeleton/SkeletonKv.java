package simlab.kv.skeleton;

import java.util.List;
import simlab.kv.Clerk;
import simlab.kv.KvServer;
import simlab.kv.KvService;
import simlab.raft.RaftFactory;
import simlab.sim.NodeContext;

/**
 * Lab 4 starting point: select it with {@code -Dsim.kv=simlab.kv.skeleton.SkeletonKv}. Copy this
 * package into your own, fill in the TODOs, and point -Dsim.kv at your class.
 */
public final class SkeletonKv implements KvService {
  @Override
  public KvServer makeServer(
      NodeContext ctx, List<String> servers, int me, RaftFactory raftFactory, int maxRaftState) {
    return new SkeletonKvServer(ctx, servers, me, raftFactory, maxRaftState);
  }

  @Override
  public Clerk makeClerk(NodeContext ctx, List<String> servers) {
    return new SkeletonClerk(ctx, servers);
  }
}
