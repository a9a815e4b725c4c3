package simlab.kv;

import simlab.sim.SimFuture;

/**
 * The client library. A clerk is an event-driven node: each call returns at once with a future that
 * completes inside the simulation once some server has executed the operation. Operations keep
 * trying (other servers, after timeouts) until they succeed; a clerk runs its operations one at a
 * time, in the order they were called.
 */
public interface Clerk {
  /** The current value of {@code key}, or "" if it has none. */
  SimFuture<String> get(String key);

  SimFuture<Void> put(String key, String value);

  SimFuture<Void> append(String key, String value);

  /** Removes {@code key}; a later Get returns "". */
  SimFuture<Void> delete(String key);
}
