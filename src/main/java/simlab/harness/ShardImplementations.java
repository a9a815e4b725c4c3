package simlab.harness;

import simlab.raft.RaftFactory;
import simlab.raft.ReferenceRaftFactory;
import simlab.shardctrler.ReferenceShardCtrlerFactory;
import simlab.shardctrler.ShardCtrlerFactory;
import simlab.shardkv.ReferenceShardKvFactory;
import simlab.shardkv.ShardKvFactory;

/**
 * The implementations lab 5 runs: the reference unless -Dsim.raft / sim.shardctrler / sim.shardkv /
 * sim.impl say otherwise.
 */
public final class ShardImplementations {
  private ShardImplementations() {}

  public static RaftFactory raft() {
    return Implementations.load(RaftFactory.class, "sim.raft", new ReferenceRaftFactory());
  }

  public static ShardCtrlerFactory ctrler() {
    return Implementations.load(
        ShardCtrlerFactory.class, "sim.shardctrler", new ReferenceShardCtrlerFactory());
  }

  public static ShardKvFactory shardkv() {
    return Implementations.load(ShardKvFactory.class, "sim.shardkv", new ReferenceShardKvFactory());
  }
}
