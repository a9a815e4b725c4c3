package simlab.shardkv.skeleton;

import java.time.Duration;
import simlab.shardctrler.Config;
import simlab.shardctrler.ShardCtrlerClerk;
import simlab.shardkv.Err;
import simlab.shardkv.KvOpType;
import simlab.shardkv.KvRequest;
import simlab.shardkv.ShardKvClerk;
import simlab.shardkv.ShardKvFactory;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/**
 * The shardkv clerk, given (as 6.5840 gives {@code shardkv/client.go}): it asks the servers of the
 * key's group under its cached configuration and, on ErrWrongGroup or after every server failed,
 * waits 100 ms and re-reads the latest configuration. Run one operation at a time per clerk so
 * sequence numbers stay ordered.
 */
public final class SkeletonShardKvClerk implements ShardKvClerk {
  private final NodeContext ctx;
  private final ShardCtrlerClerk ctrler;
  private final long clientId;
  private Config config = Config.initial();
  private long seq;

  public SkeletonShardKvClerk(NodeContext ctx, ShardCtrlerClerk ctrler) {
    this.ctx = ctx;
    this.ctrler = ctrler;
    this.clientId = ctx.random().nextLong();
  }

  @Override
  public SimFuture<String> get(String key) {
    return send(KvOpType.GET, key, "");
  }

  @Override
  public SimFuture<Void> put(String key, String value) {
    return ignore(send(KvOpType.PUT, key, value));
  }

  @Override
  public SimFuture<Void> append(String key, String value) {
    return ignore(send(KvOpType.APPEND, key, value));
  }

  @Override
  public SimFuture<Void> delete(String key) {
    return ignore(send(KvOpType.DELETE, key, ""));
  }

  private static SimFuture<Void> ignore(SimFuture<String> f) {
    SimFuture<Void> v = new SimFuture<>();
    f.onComplete(s -> v.complete(null));
    return v;
  }

  private SimFuture<String> send(KvOpType op, String key, String value) {
    SimFuture<String> result = new SimFuture<>();
    attempt(new KvRequest(clientId, ++seq, op, key, value), 0, result);
    return result;
  }

  private void attempt(KvRequest req, int i, SimFuture<String> result) {
    var servers = config.serversOf(config.gidOf(ShardKvFactory.key2shard(req.key())));
    if (i >= servers.size()) {
      ctx.schedule(
          Duration.ofMillis(100),
          () ->
              ctrler
                  .query(-1)
                  .onComplete(
                      c -> {
                        config = c;
                        attempt(req, 0, result);
                      }));
      return;
    }
    ctx.call(
        servers.get(i),
        req,
        reply -> {
          Err err = reply.map(r -> r.err()).orElse(Err.WRONG_LEADER);
          if (err == Err.OK || err == Err.NO_KEY) {
            result.complete(err == Err.OK ? reply.get().value() : "");
          } else if (err == Err.WRONG_GROUP) {
            attempt(req, servers.size(), result);
          } else {
            attempt(req, i + 1, result);
          }
        });
  }
}
