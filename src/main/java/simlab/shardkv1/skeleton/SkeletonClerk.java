package simlab.shardkv1.skeleton;

import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetResult;
import simlab.kvsrv1.VersionedClerk;
import simlab.shardkv1.shardctrler.ShardCtrler;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/**
 * The sharded clerk. TODO: find the key's group with {@code ShardConfig.key2Shard} in the
 * configuration from {@code ctrler.query()}, send through your group clerk, and on ErrWrongGroup
 * (or no answer) query again and retry. A resent Put that gets ErrVersion must return ErrMaybe.
 */
final class SkeletonClerk implements VersionedClerk {
  private final NodeContext ctx;
  private final ShardCtrler ctrler;

  SkeletonClerk(NodeContext ctx, ShardCtrler ctrler) {
    this.ctx = ctx;
    this.ctrler = ctrler;
  }

  @Override
  public SimFuture<GetResult> get(String key) {
    return new SimFuture<>(); // TODO
  }

  @Override
  public SimFuture<Err> put(String key, String value, long version) {
    return new SimFuture<>(); // TODO
  }
}
