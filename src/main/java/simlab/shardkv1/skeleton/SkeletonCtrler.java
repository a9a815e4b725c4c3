package simlab.shardkv1.skeleton;

import simlab.kvsrv1.VersionedClerk;
import simlab.shardkv1.shardcfg.ShardConfig;
import simlab.shardkv1.shardctrler.ShardCtrler;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/**
 * The controller. TODO: keep the configuration in the kvsrv behind {@code kv} (as {@link
 * ShardConfig#toString()}), move shards with your group clerk in {@link #changeConfigTo}, and store
 * the next configuration first so that {@link #initController} can finish a change another
 * controller left half done. 5C: keep a lease in the kvsrv (versioned Puts; expiry from {@code
 * ctx.nowNanos()}, never the wall clock) so that only its holder drives a change, and bail out of a
 * change when you find the lease taken over.
 */
final class SkeletonCtrler implements ShardCtrler {
  private final NodeContext ctx;
  private final VersionedClerk kv;

  SkeletonCtrler(NodeContext ctx, VersionedClerk kv) {
    this.ctx = ctx;
    this.kv = kv;
  }

  @Override
  public SimFuture<Void> initController() {
    return SimFuture.completed(null); // TODO (5B)
  }

  @Override
  public SimFuture<Void> initConfig(ShardConfig cfg) {
    return new SimFuture<>(); // TODO: never completes until written
  }

  @Override
  public SimFuture<Void> changeConfigTo(ShardConfig next) {
    return new SimFuture<>(); // TODO
  }

  @Override
  public SimFuture<ShardConfig> query() {
    return new SimFuture<>(); // TODO
  }
}
