package simlab.shardctrler.skeleton;

import java.util.List;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.shardctrler.CtrlerReply;
import simlab.shardctrler.CtrlerRequest;
import simlab.sim.Killable;
import simlab.sim.NodeContext;

/**
 * A controller replica, to be written (6.5840 {@code shardctrler/server.go}).
 *
 * <p>What it must do: put every {@link CtrlerRequest} into the Raft log with {@code raft.start},
 * answer the RPC (through the {@code responder}) only once the entry is applied, or with {@link
 * CtrlerReply#wrong()} if this peer is not the leader or the entry is lost; keep every {@link
 * simlab.shardctrler.Config} ever made; rebalance deterministically (iterate only sorted maps)
 * moving as few shards as possible; ignore a Join/Leave/Move whose (clientId, seq) was applied
 * already.
 */
public final class SkeletonCtrlerServer implements Killable {
  private final Raft raft;

  public SkeletonCtrlerServer(
      NodeContext ctx, List<String> servers, int me, RaftFactory raftFactory) {
    ctx.handleAsync(
        CtrlerRequest.class,
        (req, responder) -> {
          // TODO: start the request in Raft and reply after it is applied.
          responder.reply(CtrlerReply.wrong());
        });
    this.raft = raftFactory.make(ctx, servers, me, this::apply);
  }

  private void apply(ApplyMsg msg) {
    // TODO: apply committed requests to the configuration state, in log order.
  }

  @Override
  public void kill() {
    raft.kill();
  }
}
