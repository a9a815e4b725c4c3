package simlab.kv;

import java.util.List;
import simlab.raft.RaftFactory;
import simlab.sim.NodeContext;

/** The reference key/value service. */
public final class ReferenceKv implements KvService {
  @Override
  public KvServer makeServer(
      NodeContext ctx, List<String> servers, int me, RaftFactory raftFactory, int maxRaftState) {
    return new ReferenceKvServer(ctx, servers, me, raftFactory, maxRaftState);
  }

  @Override
  public Clerk makeClerk(NodeContext ctx, List<String> servers) {
    return new ReferenceClerk(ctx, servers);
  }
}
