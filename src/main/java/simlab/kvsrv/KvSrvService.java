package simlab.kvsrv;

import simlab.sim.NodeContext;

/**
 * A whole lab 2 implementation (server and clerk share a wire protocol). The suite loads it with
 * {@code Implementations.load(KvSrvService.class, "sim.kvsrv", new ReferenceKvSrv())}.
 */
public interface KvSrvService {
  KvSrvServer makeServer(NodeContext ctx);

  KvSrvClerk makeClerk(NodeContext ctx, String server);
}
