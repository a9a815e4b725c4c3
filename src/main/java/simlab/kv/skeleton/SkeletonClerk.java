package simlab.kv.skeleton;

import java.util.List;
import simlab.kv.Clerk;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/** A clerk that does not work yet: its futures never complete. */
public final class SkeletonClerk implements Clerk {
  private final NodeContext ctx;
  private final List<String> servers;

  public SkeletonClerk(NodeContext ctx, List<String> servers) {
    this.ctx = ctx;
    this.servers = List.copyOf(servers);
  }

  // TODO send simlab.kv.KvRequest with ctx.call(server, request, reply -> ...), complete the
  // future on OK / ERR_NO_KEY, try the next server otherwise; remember the leader.
  @Override
  public SimFuture<String> get(String key) {
    return new SimFuture<>();
  }

  @Override
  public SimFuture<Void> put(String key, String value) {
    return new SimFuture<>();
  }

  @Override
  public SimFuture<Void> append(String key, String value) {
    return new SimFuture<>();
  }

  @Override
  public SimFuture<Void> delete(String key) {
    return new SimFuture<>();
  }
}
