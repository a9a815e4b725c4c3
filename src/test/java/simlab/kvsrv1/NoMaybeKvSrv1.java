package simlab.kvsrv1;

import simlab.client.OneAtATime;
import simlab.kvsrv1.lock.Lock;
import simlab.kvsrv1.lock.ReferenceLock;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/**
 * Broken on purpose: the clerk resends a Put until answered but passes the server's answer on as
 * is, so a resent Put that did apply comes back ErrVersion instead of ErrMaybe. The reference
 * server and lock otherwise.
 */
public final class NoMaybeKvSrv1 implements KvSrv1Service {
  @Override
  public Object makeServer(NodeContext ctx) {
    return new ReferenceKvSrv1Server(ctx);
  }

  @Override
  public VersionedClerk makeClerk(NodeContext ctx, String server) {
    return new VersionedClerk() {
      private final OneAtATime<Runnable> queue = new OneAtATime<>(Runnable::run);

      @Override
      public SimFuture<GetResult> get(String key) {
        SimFuture<GetResult> f = new SimFuture<>();
        queue.submit(() -> getUntil(key, f));
        return f;
      }

      private void getUntil(String key, SimFuture<GetResult> f) {
        ctx.call(
            server,
            new GetArgs(key),
            r -> {
              if (r.isEmpty()) {
                getUntil(key, f);
                return;
              }
              f.complete(new GetResult(r.get().value(), r.get().version(), r.get().err()));
              queue.finishCurrent();
            });
      }

      @Override
      public SimFuture<Err> put(String key, String value, long version) {
        SimFuture<Err> f = new SimFuture<>();
        queue.submit(() -> putUntil(new PutArgs(key, value, version), f));
        return f;
      }

      private void putUntil(PutArgs a, SimFuture<Err> f) {
        ctx.call(
            server,
            a,
            r -> {
              if (r.isEmpty()) {
                putUntil(a, f);
                return;
              }
              f.complete(r.get().err());
              queue.finishCurrent();
            });
      }
    };
  }

  @Override
  public Lock makeLock(VersionedClerk ck, String key, String id) {
    return new ReferenceLock(ck, key, id);
  }
}
