package simlab.shardkv1;

import java.util.List;
import simlab.kvsrv1.VersionedClerk;
import simlab.raft.RaftFactory;
import simlab.shardkv1.shardctrler.ReferenceShardCtrler;
import simlab.shardkv1.shardctrler.ShardCtrler;
import simlab.shardkv1.shardgrp.GroupStateMachine;
import simlab.shardkv1.shardgrp.ShardGrpServer;
import simlab.sim.NodeContext;

/**
 * Deliberately broken lab 5 (2025) implementations, each the reference with one fault, for the
 * mutation-style check of the suite (README, "2025 curriculum: lab 5"). Run one with {@code
 * -Dsim.shardkv1=simlab.shardkv1.BrokenShardKv1$ServeFrozen}.
 */
public final class BrokenShardKv1 {
  private BrokenShardKv1() {}

  /** A group that keeps serving Get/Put on a shard it has frozen for a move. */
  public static final class ServeFrozen implements ShardKv1Factory {
    private final ReferenceShardKv1 ref = new ReferenceShardKv1();

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

    @Override
    public ShardCtrler makeCtrler(NodeContext ctx, VersionedClerk kvsrv) {
      return ref.makeCtrler(ctx, kvsrv);
    }

    @Override
    public VersionedClerk makeClerk(NodeContext ctx, ShardCtrler ctrler) {
      return ref.makeClerk(ctx, ctrler);
    }
  }

  /** A controller that publishes the new configuration before moving the shards. */
  public static final class PublishFirst implements ShardKv1Factory {
    private final ReferenceShardKv1 ref = new ReferenceShardKv1();

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
      return new ReferenceShardCtrler(ctx, kvsrv, true);
    }

    @Override
    public VersionedClerk makeClerk(NodeContext ctx, ShardCtrler ctrler) {
      return ref.makeClerk(ctx, ctrler);
    }
  }

  /** A sharded clerk that never answers ErrMaybe (a resent Put's ErrVersion passes through). */
  public static final class NeverMaybe implements ShardKv1Factory {
    private final ReferenceShardKv1 ref = new ReferenceShardKv1();

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
      return new ReferenceShardKv1Clerk(ctx, ctrler, true);
    }
  }
}
