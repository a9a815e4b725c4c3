package simlab.kvraft1;

import java.util.List;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetResult;
import simlab.kvsrv1.VersionedClerk;
import simlab.raft.RaftFactory;
import simlab.rsm.RsmFactory;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/**
 * Deliberately broken (for the 2025 evidence): the reference service, but the clerk reports a
 * resent Put's ErrVersion as ErrVersion, not ErrMaybe, claiming a Put failed that may have applied.
 */
public final class ZooNoMaybeKvRaft1 implements KvRaft1Service {
  private final ReferenceKvRaft1 reference = new ReferenceKvRaft1();

  @Override
  public KvRaft1Server makeServer(
      NodeContext ctx,
      List<String> servers,
      int me,
      RsmFactory rsmFactory,
      RaftFactory raftFactory,
      int maxRaftState) {
    return reference.makeServer(ctx, servers, me, rsmFactory, raftFactory, maxRaftState);
  }

  @Override
  public VersionedClerk makeClerk(NodeContext ctx, List<String> servers) {
    VersionedClerk inner = reference.makeClerk(ctx, servers);
    return new VersionedClerk() {
      @Override
      public SimFuture<GetResult> get(String key) {
        return inner.get(key);
      }

      @Override
      public SimFuture<Err> put(String key, String value, long version) {
        SimFuture<Err> f = new SimFuture<>();
        inner
            .put(key, value, version)
            .onComplete(e -> f.complete(e == Err.ErrMaybe ? Err.ErrVersion : e));
        return f;
      }
    };
  }
}
