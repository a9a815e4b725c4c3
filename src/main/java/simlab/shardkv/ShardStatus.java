package simlab.shardkv;

/**
 * Where one shard stands in the group's current configuration (challenge 2: per shard, so a
 * reconfiguration blocks only the shards it moves).
 */
public enum ShardStatus {
  /** Owned and complete: served. */
  SERVING,
  /** Owned in the current config, still held by the previous owner: pulled, not served. */
  PULLING,
  /**
   * Owned in the previous config, not the current one: frozen until the new owner confirms it has
   * it.
   */
  BEPULLING,
  /** Owned, received and served; the previous owner has not yet been told to delete its copy. */
  GC
}
