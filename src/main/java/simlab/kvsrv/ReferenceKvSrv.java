package simlab.kvsrv;

import simlab.sim.NodeContext;

/** The reference lab 2 implementation. */
public final class ReferenceKvSrv implements KvSrvService {
  @Override
  public KvSrvServer makeServer(NodeContext ctx) {
    return new ReferenceKvSrvServer(ctx);
  }

  @Override
  public KvSrvClerk makeClerk(NodeContext ctx, String server) {
    return new ReferenceKvSrvClerk(ctx, server);
  }
}
