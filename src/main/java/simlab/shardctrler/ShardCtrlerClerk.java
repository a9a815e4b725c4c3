package simlab.shardctrler;

import java.util.List;
import java.util.Map;
import simlab.sim.SimFuture;

/**
 * The client library of the configuration service (6.5840 {@code shardctrler.Clerk}). Event-driven:
 * every call returns at once with a future that completes inside the simulation when the operation
 * has been applied by the service. A clerk keeps retrying (other servers, after a pause) until it
 * succeeds, so a future never fails; it may stay pending while no majority is reachable. Operations
 * of one clerk run one at a time, in the order they were called.
 */
public interface ShardCtrlerClerk {
  SimFuture<Config> query(int num);

  SimFuture<Void> join(Map<Integer, List<String>> servers);

  SimFuture<Void> leave(List<Integer> gids);

  SimFuture<Void> move(int shard, int gid);
}
