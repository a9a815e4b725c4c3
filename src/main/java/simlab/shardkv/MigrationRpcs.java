package simlab.shardkv;

import simlab.sim.Rpc;

/** RPCs between shard groups. */
public final class MigrationRpcs {
  private MigrationRpcs() {}

  /**
   * New owner -> previous owner: send me shard {@code shard} as it was when config {@code
   * configNum} took it from you.
   */
  public record PullShard(int configNum, int shard) implements Rpc<PullShardReply> {}

  public record PullShardReply(Err err, ShardData data) {}

  /**
   * New owner -> previous owner: I have shard {@code shard} of config {@code configNum}; delete
   * your copy.
   */
  public record DeleteShard(int configNum, int shard) implements Rpc<DeleteShardReply> {}

  public record DeleteShardReply(Err err) {}
}
