package simlab.kvraft1;

import java.util.List;
import simlab.kvsrv1.VersionedClerk;
import simlab.raft.RaftFactory;
import simlab.rsm.RsmFactory;
import simlab.sim.NodeContext;

/** The reference 2025 KV service on the RSM. */
public final class ReferenceKvRaft1 implements KvRaft1Service {
  @Override
  public KvRaft1Server makeServer(
      NodeContext ctx,
      List<String> servers,
      int me,
      RsmFactory rsmFactory,
      RaftFactory raftFactory,
      int maxRaftState) {
    return new ReferenceKvRaft1Server(ctx, servers, me, rsmFactory, raftFactory, maxRaftState);
  }

  @Override
  public VersionedClerk makeClerk(NodeContext ctx, List<String> servers) {
    return new ReferenceKvRaft1Clerk(ctx, servers);
  }
}
