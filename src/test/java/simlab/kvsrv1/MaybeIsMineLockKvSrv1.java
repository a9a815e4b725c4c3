package simlab.kvsrv1;

import simlab.kvsrv1.lock.Lock;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/**
 * Broken on purpose: the lock takes ErrMaybe on its acquiring Put to mean "acquired" instead of
 * reading the key to find out; when a rival's Put won in between, both hold the lock. The reference
 * server and clerk otherwise.
 */
public final class MaybeIsMineLockKvSrv1 implements KvSrv1Service {
  @Override
  public Object makeServer(NodeContext ctx) {
    return new ReferenceKvSrv1Server(ctx);
  }

  @Override
  public VersionedClerk makeClerk(NodeContext ctx, String server) {
    return new ReferenceKvSrv1Clerk(ctx, server);
  }

  @Override
  public Lock makeLock(VersionedClerk ck, String key, String id) {
    return new Lock() {
      @Override
      public SimFuture<Void> acquire() {
        SimFuture<Void> done = new SimFuture<>();
        attempt(done);
        return done;
      }

      private void attempt(SimFuture<Void> done) {
        ck.get(key)
            .onComplete(
                g -> {
                  boolean free = g.err() == Err.ErrNoKey || g.value().isEmpty();
                  if (!free) {
                    attempt(done);
                    return;
                  }
                  ck.put(key, id, g.version())
                      .onComplete(
                          e -> {
                            if (e == Err.OK || e == Err.ErrMaybe) {
                              done.complete(null);
                            } else {
                              attempt(done);
                            }
                          });
                });
      }

      @Override
      public SimFuture<Void> release() {
        SimFuture<Void> done = new SimFuture<>();
        ck.get(key)
            .onComplete(
                g -> {
                  if (g.err() != Err.OK || !g.value().equals(id)) {
                    done.complete(null);
                    return;
                  }
                  ck.put(key, "", g.version()).onComplete(e -> done.complete(null));
                });
        return done;
      }
    };
  }
}
