package simlab.kvsrv1;

import simlab.sim.NodeContext;

/**
 * A whole lab 2 (2025) implementation: the server node and the clerk, which share a wire protocol.
 * The suites load it with {@code Implementations.load(KvSrv1Service.class, "sim.kvsrv1", new
 * ReferenceKvSrv1())}; a student's class implements this and has a public no-argument constructor.
 */
public interface KvSrv1Service {
  /**
   * The server node. The tester reads no method of it: the memory test measures the state the
   * returned object keeps reachable (see the handout, labs/2025/lab2-kvsrv1.md).
   */
  Object makeServer(NodeContext ctx);

  /** A clerk node talking to the server whose node id is {@code server}. */
  VersionedClerk makeClerk(NodeContext ctx, String server);
}
