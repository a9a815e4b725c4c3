package simlab.kvsrv.skeleton;

import java.util.HashMap;
import java.util.Map;
import simlab.kvsrv.GetArgs;
import simlab.kvsrv.GetReply;
import simlab.kvsrv.KvSrvClerk;
import simlab.kvsrv.KvSrvServer;
import simlab.kvsrv.KvSrvService;
import simlab.kvsrv.PutAppendArgs;
import simlab.kvsrv.PutAppendReply;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/**
 * Lab 2 starting point ({@code -Dsim.kvsrv=simlab.kvsrv.skeleton.SkeletonKvSrv}): a server without
 * duplicate detection and a clerk that never retries. It passes nothing under an unreliable
 * network; copy it and fill in the TODOs.
 */
public final class SkeletonKvSrv implements KvSrvService {
  @Override
  public KvSrvServer makeServer(NodeContext ctx) {
    return new Server(ctx);
  }

  @Override
  public KvSrvClerk makeClerk(NodeContext ctx, String server) {
    return new Clerk(ctx, server);
  }

  static final class Server implements KvSrvServer {
    private final Map<String, String> data = new HashMap<>();

    Server(NodeContext ctx) {
      ctx.handle(GetArgs.class, a -> new GetReply(data.getOrDefault(a.key(), "")));
      // TODO remember each client's last (seq, reply) so a retried Append is not applied twice.
      ctx.handle(
          PutAppendArgs.class,
          a -> {
            String old = data.getOrDefault(a.key(), "");
            data.put(a.key(), a.append() ? old + a.value() : a.value());
            return new PutAppendReply(a.append() ? old : "");
          });
    }

    @Override
    public long memoryBytes() {
      // TODO account for everything the server keeps (see KvSrvServer).
      throw new UnsupportedOperationException("memoryBytes() is not implemented yet");
    }
  }

  static final class Clerk implements KvSrvClerk {
    private final NodeContext ctx;
    private final String server;

    Clerk(NodeContext ctx, String server) {
      this.ctx = ctx;
      this.server = server;
    }

    // TODO resend until a reply arrives; give writes a client id and a sequence number.
    @Override
    public SimFuture<String> get(String key) {
      SimFuture<String> f = new SimFuture<>();
      ctx.call(server, new GetArgs(key), r -> r.ifPresent(x -> f.complete(x.value())));
      return f;
    }

    @Override
    public SimFuture<Void> put(String key, String value) {
      SimFuture<Void> f = new SimFuture<>();
      ctx.call(
          server,
          new PutAppendArgs(key, value, false, 0, 0),
          r -> r.ifPresent(x -> f.complete(null)));
      return f;
    }

    @Override
    public SimFuture<String> append(String key, String value) {
      SimFuture<String> f = new SimFuture<>();
      ctx.call(
          server,
          new PutAppendArgs(key, value, true, 0, 0),
          r -> r.ifPresent(x -> f.complete(x.value())));
      return f;
    }
  }
}
