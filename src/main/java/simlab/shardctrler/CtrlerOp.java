package simlab.shardctrler;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;

/** The four controller operations of 6.5840 lab 5A, as immutable values for the Raft log. */
public sealed interface CtrlerOp {

  /** Adds replica groups (gid -> servers) and rebalances. */
  record Join(ImmutableMap<Integer, ImmutableList<String>> servers) implements CtrlerOp {
    public Join {
      servers = ImmutableSortedMap.copyOf(servers);
    }
  }

  /** Removes replica groups and hands their shards to the remaining ones. */
  record Leave(ImmutableList<Integer> gids) implements CtrlerOp {}

  /** Assigns one shard to one group, without rebalancing (a test and admin tool). */
  record Move(int shard, int gid) implements CtrlerOp {}

  /** Reads configuration {@code num}; -1 (or any number not yet reached) means the latest. */
  record Query(int num) implements CtrlerOp {}
}
