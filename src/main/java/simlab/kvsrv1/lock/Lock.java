package simlab.kvsrv1.lock;

import simlab.sim.SimFuture;

/**
 * A lock stored in one key of a versioned key/value service (6.5840 2025's {@code lock.Lock}, built
 * with {@code MakeLock(ck, l)}): {@link simlab.kvsrv1.KvSrv1Service#makeLock} builds one. Calls on
 * one lock are made one at a time (the next after the previous completed).
 */
public interface Lock {
  /** Completes once this user holds the lock (6.5840's Acquire, which blocks until then). */
  SimFuture<Void> acquire();

  /** Completes once this user's hold is given up (6.5840's Release). */
  SimFuture<Void> release();
}
