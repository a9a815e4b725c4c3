package simlab.shardkv;

import simlab.sim.SimFuture;

/**
 * Client library of the sharded store (6.5840 {@code shardkv.Clerk}). Every call returns a future
 * completed inside the simulation; the clerk retries (other servers, re-reading the configuration
 * on ErrWrongGroup) until it succeeds, so a future may stay pending while the key's group is
 * unreachable. One clerk runs one operation at a time, in call order. A Get of a missing key
 * returns "".
 */
public interface ShardKvClerk {
  SimFuture<String> get(String key);

  SimFuture<Void> put(String key, String value);

  SimFuture<Void> append(String key, String value);

  SimFuture<Void> delete(String key);
}
