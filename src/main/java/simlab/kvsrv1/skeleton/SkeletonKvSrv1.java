package simlab.kvsrv1.skeleton;

import java.util.HashMap;
import java.util.Map;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetArgs;
import simlab.kvsrv1.GetReply;
import simlab.kvsrv1.GetResult;
import simlab.kvsrv1.KvSrv1Service;
import simlab.kvsrv1.PutArgs;
import simlab.kvsrv1.PutReply;
import simlab.kvsrv1.VersionedClerk;
import simlab.kvsrv1.lock.Lock;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/**
 * Lab 2 (2025) starting point ({@code test-scripts/grade --year 2025 2 --impl
 * kvsrv1=simlab.kvsrv1.skeleton.SkeletonKvSrv1}): a server that ignores versions, a clerk that
 * never resends, and a lock that does nothing. It compiles and runs, and fails the suite; copy it
 * and fill in the TODOs (labs/2025/lab2-kvsrv1.md).
 */
public final class SkeletonKvSrv1 implements KvSrv1Service {
  @Override
  public Object makeServer(NodeContext ctx) {
    return new Server(ctx);
  }

  @Override
  public VersionedClerk makeClerk(NodeContext ctx, String server) {
    return new Clerk(ctx, server);
  }

  @Override
  public Lock makeLock(VersionedClerk ck, String key, String id) {
    return new SkeletonLock();
  }

  static final class Server {
    private final Map<String, String> data = new HashMap<>();

    Server(NodeContext ctx) {
      // TODO keep a version per key; a missing key is ErrNoKey.
      ctx.handle(GetArgs.class, a -> new GetReply(data.getOrDefault(a.key(), ""), 0, Err.OK));
      // TODO apply a Put only at the key's current version (0 creates a missing key); answer
      // ErrVersion or ErrNoKey otherwise.
      ctx.handle(
          PutArgs.class,
          a -> {
            data.put(a.key(), a.value());
            return new PutReply(Err.OK);
          });
    }
  }

  static final class Clerk implements VersionedClerk {
    private final NodeContext ctx;
    private final String server;

    Clerk(NodeContext ctx, String server) {
      this.ctx = ctx;
      this.server = server;
    }

    // TODO resend until a reply arrives; a resent Put answered ErrVersion returns ErrMaybe.
    @Override
    public SimFuture<GetResult> get(String key) {
      SimFuture<GetResult> f = new SimFuture<>();
      ctx.call(
          server,
          new GetArgs(key),
          r -> r.ifPresent(x -> f.complete(new GetResult(x.value(), x.version(), x.err()))));
      return f;
    }

    @Override
    public SimFuture<Err> put(String key, String value, long version) {
      SimFuture<Err> f = new SimFuture<>();
      ctx.call(
          server, new PutArgs(key, value, version), r -> r.ifPresent(x -> f.complete(x.err())));
      return f;
    }
  }

  static final class SkeletonLock implements Lock {
    // TODO acquire: read the key; if it is free, put your id at the version read; retry until
    // the key holds your id. Release: put "" back.
    @Override
    public SimFuture<Void> acquire() {
      return SimFuture.completed(null);
    }

    @Override
    public SimFuture<Void> release() {
      return SimFuture.completed(null);
    }
  }
}
