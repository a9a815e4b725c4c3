package simlab.kvsrv1;

import simlab.kvsrv1.lock.Lock;
import simlab.kvsrv1.lock.ReferenceLock;
import simlab.sim.NodeContext;

/** The reference lab 2 (2025) implementation. */
public final class ReferenceKvSrv1 implements KvSrv1Service {
  @Override
  public Object makeServer(NodeContext ctx) {
    return new ReferenceKvSrv1Server(ctx);
  }

  @Override
  public VersionedClerk makeClerk(NodeContext ctx, String server) {
    return new ReferenceKvSrv1Clerk(ctx, server);
  }

  @Override
  public Lock makeLock(VersionedClerk ck, String key, String id) {
    return new ReferenceLock(ck, key, id);
  }
}
