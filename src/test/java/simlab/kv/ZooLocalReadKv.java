package simlab.kv;

import java.util.List;
import simlab.raft.RaftFactory;
import simlab.rsm.Rsm;
import simlab.sim.NodeContext;

/**
 * Zoo (reads): a server that believes it leads answers Get from its applied state without going
 * through the log — a deposed leader, cut off in a minority, serves stale values.
 */
public final class ZooLocalReadKv implements KvService {
  @Override
  public KvServer makeServer(
      NodeContext ctx, List<String> servers, int me, RaftFactory raftFactory, int maxRaftState) {
    KvStateMachine state = new KvStateMachine();
    Rsm rsm = new Rsm(ctx, servers, me, raftFactory, maxRaftState, state, Rsm.Dedup.BY_CLIENT);
    return new ZooKvServer(ctx, rsm, state); // the mistake: Get read from `state`
  }

  @Override
  public Clerk makeClerk(NodeContext ctx, List<String> servers) {
    return new ReferenceClerk(ctx, servers);
  }
}
