package simlab.shardkv;

import com.google.common.collect.ImmutableMap;

/**
 * The contents of one shard as it moves between groups: its key/value pairs and, for
 * every client, the highest sequence number applied to this shard (the dedup state that
 * must move with the data, or a retried Append could apply twice).
 */
public record ShardData(ImmutableMap<String, String> kv, ImmutableMap<Long, Long> lastSeq) {
  public static final ShardData EMPTY = new ShardData(ImmutableMap.of(), ImmutableMap.of());
}
