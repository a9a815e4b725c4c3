package simlab.shardkv1;

import java.util.List;
import simlab.kvsrv1.VersionedClerk;
import simlab.raft.RaftFactory;
import simlab.shardkv1.shardctrler.ShardCtrler;
import simlab.sim.NodeContext;

/**
 * Everything a lab 5 (2025) implementation provides; the suites load it with {@code
 * Implementations.load(ShardKv1Factory.class, "sim.shardkv1", new ReferenceShardKv1())} ({@code
 * --impl shardkv1=CLASS}; public no-argument constructor). The group clerk is the student's own
 * business: the controller and the sharded clerk use it, the tester never does.
 */
public interface ShardKv1Factory {

  /**
   * One server of shard group {@code gid} (6.5840 {@code shardgrp.StartServerShardGrp}): {@code
   * servers} are the group's addresses, this one at {@code me}. Snapshot when the persisted Raft
   * state reaches {@code maxRaftState} bytes (-1: never). Group {@code ShardConfig.GID1} starts out
   * owning every shard. The object should implement {@link simlab.sim.Killable}.
   */
  Object makeGroupServer(
      NodeContext ctx, List<String> servers, int me, int gid, int maxRaftState, RaftFactory raft);

  /**
   * A controller running in {@code ctx} (6.5840 {@code shardctrler.MakeShardCtrler}) that keeps its
   * configuration in the kvsrv reached through {@code kvsrv}.
   */
  ShardCtrler makeCtrler(NodeContext ctx, VersionedClerk kvsrv);

  /**
   * A sharded clerk running in {@code ctx} (6.5840 {@code shardkv1.MakeClerk}) that learns the
   * configuration through {@code ctrler.query()}.
   */
  VersionedClerk makeClerk(NodeContext ctx, ShardCtrler ctrler);
}
