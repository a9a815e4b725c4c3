package simlab.harness;

import simlab.raft.RaftFactory;
import simlab.raft.ReferenceRaftFactory;
import simlab.shardctrler.ReferenceShardCtrlerFactory;
import simlab.shardctrler.ShardCtrlerFactory;
import simlab.shardkv.ReferenceShardKVFactory;
import simlab.shardkv.ShardKVFactory;

/** The implementations lab 5 runs: the reference unless -Dsim.raft / sim.shardctrler / sim.shardkv / sim.impl say otherwise. */
public final class ShardImplementations {
  private ShardImplementations() {
  }

  public static RaftFactory raft() {
    return Implementations.load(RaftFactory.class, "sim.raft", new ReferenceRaftFactory());
  }

  public static ShardCtrlerFactory ctrler() {
    return Implementations.load(ShardCtrlerFactory.class, "sim.shardctrler", new ReferenceShardCtrlerFactory());
  }

  public static ShardKVFactory shardkv() {
    return Implementations.load(ShardKVFactory.class, "sim.shardkv", new ReferenceShardKVFactory());
  }
}
