package simlab.shardkv1.shardgrp;

import simlab.kvsrv1.Err;
import simlab.sim.Rpc;

/**
 * The messages of a shard group (6.5840 {@code shardgrp/shardrpc}). Each request is also the Raft
 * log entry that carries it, so every replica applies the same sequence.
 */
public final class ShardRpc {
  private ShardRpc() {}

  public record GetArgs(String key) implements Rpc<GetReply> {}

  public record GetReply(String value, long version, Err err) {}

  public record PutArgs(String key, String value, long version) implements Rpc<PutReply> {}

  public record PutReply(Err err) {}

  /** Stop serving {@code shard} and hand over its state, for configuration {@code num}. */
  public record FreezeShardArgs(int shard, int num) implements Rpc<FreezeShardReply> {}

  /**
   * @param state the frozen shard's encoded data (see {@link ShardData}); empty unless OK
   * @param num the configuration number the shard has at this group after the call
   */
  public record FreezeShardReply(byte[] state, int num, Err err) {}

  /** Serve {@code shard} from now on with {@code state}, as of configuration {@code num}. */
  public record InstallShardArgs(int shard, byte[] state, int num)
      implements Rpc<InstallShardReply> {
    // By content: the network copies arrays, and Raft's Log Matching check compares log entries.
    @Override
    public boolean equals(Object o) {
      return o instanceof InstallShardArgs a
          && a.shard == shard
          && a.num == num
          && java.util.Arrays.equals(a.state, state);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * shard + num) + java.util.Arrays.hashCode(state);
    }

    @Override
    public String toString() {
      return "InstallShardArgs[shard=" + shard + ", " + state.length + " bytes, num=" + num + "]";
    }
  }

  public record InstallShardReply(Err err) {}

  /** Drop the frozen copy of {@code shard}, moved away in configuration {@code num}. */
  public record DeleteShardArgs(int shard, int num) implements Rpc<DeleteShardReply> {}

  public record DeleteShardReply(Err err) {}
}
