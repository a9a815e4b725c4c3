package simlab.shardctrler;

import static simlab.client.Futures.whenDone;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import simlab.client.OneAtATime;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/**
 * Reference controller clerk. It remembers the last server that answered as leader and starts
 * there; on "wrong leader" or no reply it tries the next server, and after a whole round without
 * success it pauses {@link #RETRY_PAUSE} (6.5840's clerk sleeps 100 ms). Each operation carries
 * (clientId, seq) so a retried Join/Leave/Move applies once.
 */
public final class CtrlerClerk implements ShardCtrlerClerk {
  public static final Duration RETRY_PAUSE = Duration.ofMillis(100);

  private final NodeContext ctx;
  private final List<String> servers;
  private final long clientId;
  private final OneAtATime<Pending> queue = new OneAtATime<>(p -> attempt(p, 0));
  private long seq;
  private int leader;

  private record Pending(CtrlerRequest request, SimFuture<Config> result) {}

  public CtrlerClerk(NodeContext ctx, List<String> servers) {
    this.ctx = ctx;
    this.servers = List.copyOf(servers);
    this.clientId = ctx.random().nextLong();
  }

  @Override
  public SimFuture<Config> query(int num) {
    return submit(new CtrlerOp.Query(num));
  }

  @Override
  public SimFuture<Void> join(Map<Integer, List<String>> servers) {
    ImmutableMap.Builder<Integer, ImmutableList<String>> b = ImmutableMap.builder();
    servers.forEach((gid, s) -> b.put(gid, ImmutableList.copyOf(s)));
    return whenDone(submit(new CtrlerOp.Join(b.buildOrThrow())));
  }

  @Override
  public SimFuture<Void> leave(List<Integer> gids) {
    return whenDone(submit(new CtrlerOp.Leave(ImmutableList.copyOf(gids))));
  }

  @Override
  public SimFuture<Void> move(int shard, int gid) {
    return whenDone(submit(new CtrlerOp.Move(shard, gid)));
  }

  private SimFuture<Config> submit(CtrlerOp op) {
    SimFuture<Config> f = new SimFuture<>();
    queue.submit(new Pending(new CtrlerRequest(clientId, ++seq, op), f));
    return f;
  }

  private void attempt(Pending p, int tried) {
    if (tried == servers.size()) {
      ctx.schedule("retry", RETRY_PAUSE, () -> attempt(p, 0));
      return;
    }
    int target = leader;
    ctx.call(
        servers.get(target),
        p.request(),
        reply -> {
          if (reply.isPresent() && !reply.get().wrongLeader()) {
            p.result().complete(reply.get().config());
            queue.finishCurrent();
          } else {
            leader = (target + 1) % servers.size();
            attempt(p, tried + 1);
          }
        });
  }
}
