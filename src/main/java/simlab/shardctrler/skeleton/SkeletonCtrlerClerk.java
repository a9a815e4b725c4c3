package simlab.shardctrler.skeleton;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import simlab.shardctrler.Config;
import simlab.shardctrler.CtrlerOp;
import simlab.shardctrler.CtrlerRequest;
import simlab.shardctrler.ShardCtrlerClerk;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/**
 * The controller clerk, given (as 6.5840 gives {@code shardctrler/client.go}): it tries each server
 * in turn and pauses 100 ms after a full round. You may improve it (remember the leader; run one
 * operation at a time so sequence numbers stay ordered).
 */
public final class SkeletonCtrlerClerk implements ShardCtrlerClerk {
  private final NodeContext ctx;
  private final List<String> servers;
  private final long clientId;
  private long seq;

  public SkeletonCtrlerClerk(NodeContext ctx, List<String> servers) {
    this.ctx = ctx;
    this.servers = List.copyOf(servers);
    this.clientId = ctx.random().nextLong();
  }

  @Override
  public SimFuture<Config> query(int num) {
    return send(new CtrlerOp.Query(num));
  }

  @Override
  public SimFuture<Void> join(Map<Integer, List<String>> groups) {
    ImmutableMap.Builder<Integer, ImmutableList<String>> b = ImmutableMap.builder();
    groups.forEach((gid, s) -> b.put(gid, ImmutableList.copyOf(s)));
    return ignore(send(new CtrlerOp.Join(b.buildOrThrow())));
  }

  @Override
  public SimFuture<Void> leave(List<Integer> gids) {
    return ignore(send(new CtrlerOp.Leave(ImmutableList.copyOf(gids))));
  }

  @Override
  public SimFuture<Void> move(int shard, int gid) {
    return ignore(send(new CtrlerOp.Move(shard, gid)));
  }

  private static SimFuture<Void> ignore(SimFuture<Config> f) {
    SimFuture<Void> v = new SimFuture<>();
    f.onComplete(c -> v.complete(null));
    return v;
  }

  private SimFuture<Config> send(CtrlerOp op) {
    SimFuture<Config> result = new SimFuture<>();
    attempt(new CtrlerRequest(clientId, ++seq, op), 0, result);
    return result;
  }

  private void attempt(CtrlerRequest req, int i, SimFuture<Config> result) {
    if (i == servers.size()) {
      ctx.schedule(Duration.ofMillis(100), () -> attempt(req, 0, result));
      return;
    }
    ctx.call(
        servers.get(i),
        req,
        reply -> {
          if (reply.isPresent() && !reply.get().wrongLeader()) {
            result.complete(reply.get().config());
          } else {
            attempt(req, i + 1, result);
          }
        });
  }
}
