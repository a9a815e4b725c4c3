package simlab.kvraft1.skeleton;

import java.util.List;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetResult;
import simlab.kvsrv1.VersionedClerk;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/** A clerk that does not work yet: its futures never complete. */
public final class SkeletonKvRaft1Clerk implements VersionedClerk {
  private final NodeContext ctx;
  private final List<String> servers;

  public SkeletonKvRaft1Clerk(NodeContext ctx, List<String> servers) {
    this.ctx = ctx;
    this.servers = List.copyOf(servers);
  }

  // TODO send simlab.kvsrv1.GetArgs with ctx.call(server, args, reply -> ...); on ErrWrongLeader
  // or no reply try the next server; remember the leader.
  @Override
  public SimFuture<GetResult> get(String key) {
    return new SimFuture<>();
  }

  // TODO as get, with PutArgs; a resent Put answered ErrVersion returns ErrMaybe.
  @Override
  public SimFuture<Err> put(String key, String value, long version) {
    return new SimFuture<>();
  }
}
