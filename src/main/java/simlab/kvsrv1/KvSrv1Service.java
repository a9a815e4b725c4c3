package simlab.kvsrv1;

import simlab.kvsrv1.lock.Lock;
import simlab.sim.NodeContext;

/**
 * A whole lab 2 (2025) implementation: the server node, the clerk (they share a wire protocol) and
 * the lock built over a clerk. The suites load it with {@code
 * Implementations.load(KvSrv1Service.class, "sim.kvsrv1", new ReferenceKvSrv1())}; a student's
 * class implements this and has a public no-argument constructor.
 */
public interface KvSrv1Service {
  /**
   * The server node. The tester reads no method of it: the memory test measures the state the
   * returned object keeps reachable (see the handout, labs/2025/lab2-kvsrv1.md).
   */
  Object makeServer(NodeContext ctx);

  /** A clerk node talking to the server whose node id is {@code server}. */
  VersionedClerk makeClerk(NodeContext ctx, String server);

  /**
   * A lock kept in {@code key}, used through {@code ck} (6.5840's {@code lock.MakeLock(ck, l)});
   * {@code id} is unique among the lock's users (6.5840's lock makes up a random one). The lock
   * tests run it over this service's own clerks.
   */
  Lock makeLock(VersionedClerk ck, String key, String id);
}
