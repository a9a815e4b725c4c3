package simlab.shardkv;

import static simlab.client.Futures.whenDone;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import simlab.client.OneAtATime;
import simlab.shardctrler.Config;
import simlab.shardctrler.ShardCtrlerClerk;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/**
 * Reference shardkv clerk. It caches the latest configuration; for each operation it asks the
 * servers of the key's group, starting with the one that last answered as leader. On ErrWrongGroup,
 * or after every server of the group failed, it pauses {@link #RETRY_PAUSE} (6.5840: 100 ms),
 * re-reads the latest configuration and tries again.
 */
public final class ShardClerk implements ShardKvClerk {
  public static final Duration RETRY_PAUSE = Duration.ofMillis(100);

  private final NodeContext ctx;
  private final ShardCtrlerClerk ctrler;
  private final long clientId;
  private final OneAtATime<Pending> queue = new OneAtATime<>(this::route);
  private final Map<Integer, Integer> leaderOf = new TreeMap<>();
  private Config config = Config.initial();
  private long seq;

  private record Pending(KvRequest request, SimFuture<String> result) {}

  public ShardClerk(NodeContext ctx, ShardCtrlerClerk ctrler) {
    this.ctx = ctx;
    this.ctrler = ctrler;
    this.clientId = ctx.random().nextLong();
  }

  @Override
  public SimFuture<String> get(String key) {
    return submit(KvOpType.GET, key, "");
  }

  @Override
  public SimFuture<Void> put(String key, String value) {
    return whenDone(submit(KvOpType.PUT, key, value));
  }

  @Override
  public SimFuture<Void> append(String key, String value) {
    return whenDone(submit(KvOpType.APPEND, key, value));
  }

  @Override
  public SimFuture<Void> delete(String key) {
    return whenDone(submit(KvOpType.DELETE, key, ""));
  }

  private SimFuture<String> submit(KvOpType op, String key, String value) {
    SimFuture<String> f = new SimFuture<>();
    queue.submit(new Pending(new KvRequest(clientId, ++seq, op, key, value), f));
    return f;
  }

  /** Sends to the key's group under the cached config, or refreshes the config first. */
  private void route(Pending p) {
    int gid = config.gidOf(ShardKvFactory.key2shard(p.request().key()));
    List<String> servers = config.serversOf(gid);
    if (servers.isEmpty()) {
      refreshThen(p);
      return;
    }
    attempt(p, gid, servers, 0);
  }

  private void attempt(Pending p, int gid, List<String> servers, int tried) {
    if (tried == servers.size()) {
      refreshThen(p);
      return;
    }
    int target = leaderOf.getOrDefault(gid, 0) % servers.size();
    ctx.call(
        servers.get(target),
        p.request(),
        reply -> {
          Err err = reply.map(KvReply::err).orElse(Err.WRONG_LEADER);
          if (err == Err.OK || err == Err.NO_KEY) {
            p.result().complete(err == Err.OK ? reply.get().value() : "");
            queue.finishCurrent();
          } else if (err == Err.WRONG_GROUP) {
            refreshThen(p);
          } else {
            leaderOf.put(gid, (target + 1) % servers.size());
            attempt(p, gid, servers, tried + 1);
          }
        });
  }

  private void refreshThen(Pending p) {
    ctx.schedule(
        "retry",
        RETRY_PAUSE,
        () ->
            ctrler
                .query(-1)
                .onComplete(
                    c -> {
                      config = c;
                      route(p);
                    }));
  }
}
