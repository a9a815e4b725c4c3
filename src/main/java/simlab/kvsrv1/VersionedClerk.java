package simlab.kvsrv1;

import simlab.sim.SimFuture;

/**
 * The client interface of the 2025 key/value labs (6.5840's {@code kvtest.IKVClerk}): kvsrv1's,
 * kvraft1's and shardkv1's clerks implement it, and the lock and the shared test helpers take it.
 *
 * <p>6.5840's methods block; here a clerk is an event-driven node in a single-threaded simulation,
 * so each call returns a future that completes inside the simulation (a test driver waits with
 * {@code Simulation.await}, code inside the simulation chains with {@code onComplete}). Calls on
 * one clerk run one at a time in the order they were made, as with a blocking Go clerk used by one
 * goroutine.
 */
public interface VersionedClerk {
  /** The key's value and version, or ErrNoKey. Retries until it gets an answer. */
  SimFuture<GetResult> get(String key);

  /**
   * Puts {@code value} if the key is at {@code version} (0 creates a missing key). Completes with
   * OK, ErrNoKey, ErrVersion, or ErrMaybe when a resent Put got ErrVersion (the first copy may have
   * been applied).
   */
  SimFuture<Err> put(String key, String value, long version);
}
