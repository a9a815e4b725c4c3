package simlab.kvsrv;

import simlab.sim.SimFuture;

/**
 * The lab 2 client library, an event-driven node: each call returns a future that completes inside
 * the simulation once the server answered; the clerk resends until it gets an answer. Operations
 * run one at a time, in the order they were called.
 */
public interface KvSrvClerk {
  SimFuture<String> get(String key);

  SimFuture<Void> put(String key, String value);

  /** Appends and returns the value the key had before. */
  SimFuture<String> append(String key, String value);
}
