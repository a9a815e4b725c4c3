package simlab.shardkv1;

import java.util.List;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.VersionedClerk;
import simlab.raft.RaftFactory;
import simlab.shardkv1.shardcfg.ShardConfig;
import simlab.shardkv1.shardctrler.ReferenceShardCtrler;
import simlab.shardkv1.shardctrler.ShardCtrler;
import simlab.shardkv1.shardgrp.GroupStateMachine;
import simlab.shardkv1.shardgrp.ShardGrpServer;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/**
 * Deliberately broken lab 5 (2025) implementations, each the reference with one fault, for the
 * mutation-style check of the suite (README, "2025 curriculum: lab 5"). Run one with {@code
 * -Dsim.shardkv1=simlab.shardkv1.BrokenShardKv1$ServeFrozen}.
 */
public final class BrokenShardKv1 {
  private BrokenShardKv1() {}

  /** The reference in every part; a variant overrides the one part it breaks. */
  abstract static class OneFault implements ShardKv1Factory {
    final ReferenceShardKv1 ref = new ReferenceShardKv1();

    @Override
    public Object makeGroupServer(
        NodeContext ctx,
        List<String> servers,
        int me,
        int gid,
        int maxRaftState,
        RaftFactory raft) {
      return ref.makeGroupServer(ctx, servers, me, gid, maxRaftState, raft);
    }

    @Override
    public ShardCtrler makeCtrler(NodeContext ctx, VersionedClerk kvsrv) {
      return ref.makeCtrler(ctx, kvsrv);
    }

    @Override
    public VersionedClerk makeClerk(NodeContext ctx, ShardCtrler ctrler) {
      return ref.makeClerk(ctx, ctrler);
    }
  }

  /** A group that keeps serving Get/Put on a shard it has frozen for a move. */
  public static final class ServeFrozen extends OneFault {
    @Override
    public Object makeGroupServer(
        NodeContext ctx,
        List<String> servers,
        int me,
        int gid,
        int maxRaftState,
        RaftFactory raft) {
      return new ShardGrpServer(
          ctx, servers, me, new GroupStateMachine(gid, true), maxRaftState, raft);
    }
  }

  /** A controller that publishes the new configuration before moving the shards. */
  public static final class PublishFirst extends OneFault {
    @Override
    public ShardCtrler makeCtrler(NodeContext ctx, VersionedClerk kvsrv) {
      return new ReferenceShardCtrler(ctx, kvsrv, true);
    }
  }

  /** A sharded clerk that never answers ErrMaybe (a resent Put's ErrVersion passes through). */
  public static final class NeverMaybe extends OneFault {
    @Override
    public VersionedClerk makeClerk(NodeContext ctx, ShardCtrler ctrler) {
      return new ReferenceShardKv1Clerk(ctx, ctrler, true);
    }
  }

  /**
   * A controller that does not bail out: after each change it makes sure its target is current by
   * writing it again whenever the stored configuration has the target's number, without asking
   * whether it still holds the lease. Harmless alone; after a partition (or a lost race) it writes
   * a configuration it no longer has the right to write.
   */
  public static final class RepublishTarget extends OneFault {
    @Override
    public ShardCtrler makeCtrler(NodeContext ctx, VersionedClerk kvsrv) {
      ShardCtrler inner = ref.makeCtrler(ctx, kvsrv);
      return new ShardCtrler() {
        @Override
        public SimFuture<Void> initController() {
          return inner.initController();
        }

        @Override
        public SimFuture<Void> initConfig(ShardConfig cfg) {
          return inner.initConfig(cfg);
        }

        @Override
        public SimFuture<Void> changeConfigTo(ShardConfig next) {
          SimFuture<Void> f = new SimFuture<>();
          String target = next.toString();
          inner
              .changeConfigTo(next)
              .onComplete(
                  v ->
                      kvsrv
                          .get(ReferenceShardCtrler.CONFIG_KEY)
                          .onComplete(
                              r -> {
                                if (r.err() == Err.OK
                                    && ShardConfig.fromString(r.value()).num() == next.num()) {
                                  kvsrv
                                      .put(ReferenceShardCtrler.CONFIG_KEY, target, r.version())
                                      .onComplete(e -> f.complete(null));
                                } else {
                                  f.complete(null);
                                }
                              }));
          return f;
        }

        @Override
        public SimFuture<ShardConfig> query() {
          return inner.query();
        }
      };
    }
  }
}
