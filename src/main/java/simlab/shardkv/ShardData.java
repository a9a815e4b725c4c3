package simlab.shardkv;

import com.google.common.collect.ImmutableMap;
import simlab.rsm.DuplicateTable;

/**
 * The contents of one shard as it moves between groups: its key/value pairs and its duplicate table
 * (per client, the latest write applied to this shard), the dedup state that must move with the
 * data, or a retried Append could apply twice.
 */
public record ShardData(
    ImmutableMap<String, String> kv, ImmutableMap<Long, DuplicateTable.Last> duplicates) {
  public static final ShardData EMPTY = new ShardData(ImmutableMap.of(), ImmutableMap.of());
}
