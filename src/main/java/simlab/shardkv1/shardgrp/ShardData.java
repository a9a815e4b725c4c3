package simlab.shardkv1.shardgrp;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import simlab.sim.ValueCodec;

/** The encodings a shard group stores and sends: one key's value, a shard, the whole group. */
final class ShardData {
  private ShardData() {}

  /** One key: its value and version (the number of successful Puts). */
  record Entry(String value, long version) {}

  /** Whether the group serves a shard. */
  enum Status {
    /** Never held, or deleted after it moved away. */
    ABSENT,
    /** Held and served. */
    SERVING,
    /** Held but frozen for a move: refused to clients until deleted. */
    FROZEN
  }

  /**
   * One shard's slot in a snapshot.
   *
   * @param num the configuration that last froze, installed or deleted it here
   */
  record Slot(Status status, int num, ImmutableMap<String, Entry> data) {}

  /** The whole group state: one slot per shard, in shard order. */
  record Image(ImmutableList<Slot> slots) {}

  static byte[] encodeShard(ImmutableMap<String, Entry> data, ValueCodec codec) {
    return codec.toBytes(data);
  }

  @SuppressWarnings("unchecked")
  static ImmutableMap<String, Entry> decodeShard(byte[] bytes, ValueCodec codec) {
    if (bytes.length == 0) {
      return ImmutableMap.of();
    }
    return (ImmutableMap<String, Entry>) codec.fromBytes(bytes);
  }
}
