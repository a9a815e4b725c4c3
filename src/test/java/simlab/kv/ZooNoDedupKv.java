package simlab.kv;

import java.util.List;
import simlab.raft.RaftFactory;
import simlab.rsm.Rsm;
import simlab.sim.NodeContext;

/**
 * Zoo (client retries): the KV service without a duplicate table — a clerk's retried Append whose
 * first attempt did commit is applied twice.
 */
public final class ZooNoDedupKv implements KvService {
  @Override
  public KvServer makeServer(
      NodeContext ctx, List<String> servers, int me, RaftFactory raftFactory, int maxRaftState) {
    // The mistake: Dedup.NONE, and KvStateMachine does not deduplicate on its own.
    Rsm rsm =
        new Rsm(ctx, servers, me, raftFactory, maxRaftState, new KvStateMachine(), Rsm.Dedup.NONE);
    return new ZooKvServer(ctx, rsm, null);
  }

  @Override
  public Clerk makeClerk(NodeContext ctx, List<String> servers) {
    return new ReferenceClerk(ctx, servers);
  }
}
