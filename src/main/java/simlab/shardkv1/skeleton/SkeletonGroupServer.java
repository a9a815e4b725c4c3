package simlab.shardkv1.skeleton;

import java.util.List;
import simlab.raft.RaftFactory;
import simlab.rsm.Rsm;
import simlab.rsm.StateMachine;
import simlab.sim.Killable;
import simlab.sim.NodeContext;

/**
 * One server of a shard group. TODO: register handlers for Get, Put, FreezeShard, InstallShard and
 * DeleteShard (records of your own, implementing {@code simlab.sim.Rpc}), submit each to the RSM,
 * and apply them in {@link #doOp}: serve only owned, unfrozen shards (else ErrWrongGroup), and
 * refuse shard RPCs whose configuration number is older than the shard's. Group {@code
 * ShardConfig.GID1} starts out owning every shard.
 */
final class SkeletonGroupServer implements StateMachine, Killable {
  private final Rsm rsm;

  SkeletonGroupServer(
      NodeContext ctx, List<String> servers, int me, int gid, int maxRaftState, RaftFactory raft) {
    this.rsm = new Rsm(ctx, servers, me, raft, maxRaftState, this, Rsm.Dedup.NONE);
  }

  @Override
  public Object doOp(Object command) {
    return null; // TODO
  }

  @Override
  public byte[] snapshot() {
    return new byte[0]; // TODO
  }

  @Override
  public void restore(byte[] snapshot) {
    // TODO
  }

  @Override
  public void kill() {
    rsm.kill();
  }
}
