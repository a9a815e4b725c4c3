package simlab.kvraft1.skeleton;

import java.util.List;
import simlab.kvraft1.KvRaft1Server;
import simlab.kvraft1.KvRaft1Service;
import simlab.kvsrv1.VersionedClerk;
import simlab.raft.RaftFactory;
import simlab.rsm.RsmFactory;
import simlab.sim.NodeContext;

/** Select it with {@code --impl kvraft1=simlab.kvraft1.skeleton.SkeletonKvRaft1}. */
public final class SkeletonKvRaft1 implements KvRaft1Service {
  @Override
  public KvRaft1Server makeServer(
      NodeContext ctx,
      List<String> servers,
      int me,
      RsmFactory rsmFactory,
      RaftFactory raftFactory,
      int maxRaftState) {
    return new SkeletonKvRaft1Server(ctx, servers, me, rsmFactory, raftFactory, maxRaftState);
  }

  @Override
  public VersionedClerk makeClerk(NodeContext ctx, List<String> servers) {
    return new SkeletonKvRaft1Clerk(ctx, servers);
  }
}
