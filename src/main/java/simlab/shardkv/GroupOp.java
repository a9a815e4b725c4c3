package simlab.shardkv;

import simlab.shardctrler.Config;

/** Log entries a group writes for itself (client operations are logged as {@link KvRequest}). */
public sealed interface GroupOp {

  /**
   * Move to the next configuration (applied only if it is exactly current + 1 and no shard is in
   * motion).
   */
  record Reconfigure(Config config) implements GroupOp {}

  /** Install a pulled shard (only while it is PULLING in config {@code configNum}). */
  record InsertShard(int configNum, int shard, ShardData data) implements GroupOp {}

  /** Previous owner: the new owner has the shard, drop the frozen copy. */
  record DropShard(int configNum, int shard) implements GroupOp {}

  /** New owner: the previous owner dropped its copy; the shard is plain SERVING again. */
  record GcDone(int configNum, int shard) implements GroupOp {}

  /** Written by a new leader so entries of earlier terms commit (and are applied) promptly. */
  record NoOp(int term) implements GroupOp {}
}
