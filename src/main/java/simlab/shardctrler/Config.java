package simlab.shardctrler;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Collections;
import java.util.List;

/**
 * One numbered configuration (6.5840 {@code Config}): which replica group serves each of the {@link
 * #NSHARDS} shards, and the servers of every group. Configuration 0 has no groups and every shard
 * on the invalid gid 0. An immutable value, so it can travel in messages and live in Raft logs and
 * snapshots.
 *
 * @param num configuration number, 0, 1, 2, ... in the order the controller created them
 * @param shards shard -> gid (0 = unassigned)
 * @param groups gid -> server addresses, sorted by gid so iteration is deterministic
 */
public record Config(
    int num, ImmutableList<Integer> shards, ImmutableMap<Integer, ImmutableList<String>> groups) {
  /** Number of shards (6.5840 {@code NShards}). */
  public static final int NSHARDS = 10;

  public Config {
    if (shards.size() != NSHARDS) {
      throw new IllegalArgumentException(
          "a config has " + NSHARDS + " shards, got " + shards.size());
    }
    // Decoded snapshots hand back a plain ImmutableMap; keep gid order whatever the source.
    groups = ImmutableSortedMap.copyOf(groups);
  }

  /** Configuration 0: no groups, every shard on gid 0. */
  public static Config initial() {
    return new Config(
        0, ImmutableList.copyOf(Collections.nCopies(NSHARDS, 0)), ImmutableSortedMap.of());
  }

  public int gidOf(int shard) {
    return shards.get(shard);
  }

  /** Servers of {@code gid}, or an empty list if the group is not in this configuration. */
  public List<String> serversOf(int gid) {
    ImmutableList<String> s = groups.get(gid);
    return s == null ? List.of() : s;
  }

  /** How many shards {@code gid} serves here. */
  public int countOf(int gid) {
    int n = 0;
    for (int g : shards) {
      if (g == gid) {
        n++;
      }
    }
    return n;
  }
}
