package simlab.shardkv.skeleton;

import java.util.List;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.shardctrler.ShardCtrlerClerk;
import simlab.shardctrler.ShardCtrlerFactory;
import simlab.shardkv.Err;
import simlab.shardkv.KvReply;
import simlab.shardkv.KvRequest;
import simlab.sim.Killable;
import simlab.sim.NodeContext;

/**
 * A shard group server, to be written (6.5840 {@code shardkv/server.go}).
 *
 * <p>What it must do: serve Get/Put/Append/Delete through the Raft log for the shards the current
 * configuration gives to {@code gid}, answering {@link Err#WRONG_GROUP} for the others; poll the
 * controller (about every 100 ms) through {@code ctrler}; apply configuration changes one at a
 * time, in order, through the log; move shard data and its duplicate-detection state between
 * groups; snapshot (data, dedup tables and configuration) when the persisted Raft state reaches
 * {@code maxRaftState} bytes.
 */
public final class SkeletonShardKvServer implements Killable {
  private final Raft raft;
  private final ShardCtrlerClerk ctrler;

  public SkeletonShardKvServer(
      NodeContext ctx,
      List<String> servers,
      int me,
      int gid,
      List<String> ctrlers,
      int maxRaftState,
      RaftFactory raftFactory,
      ShardCtrlerFactory ctrlerFactory) {
    this.ctrler = ctrlerFactory.makeClerk(ctx, ctrlers);
    ctx.handleAsync(
        KvRequest.class,
        (req, responder) -> {
          // TODO: check ownership, start the request in Raft, reply after it is applied.
          responder.reply(KvReply.of(Err.WRONG_GROUP));
        });
    this.raft = raftFactory.make(ctx, servers, me, this::apply);
  }

  private void apply(ApplyMsg msg) {
    // TODO: apply committed operations and configuration changes in log order.
  }

  @Override
  public void kill() {
    raft.kill();
  }
}
