package simlab.kvsrv1.lock;

import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetResult;
import simlab.kvsrv1.VersionedClerk;
import simlab.sim.SimFuture;

/**
 * A lock kept in one key of a versioned key/value service (6.5840 2025's {@code lock.Lock}): the
 * key holds "" when the lock is free and the holder's id when it is taken. Acquire reads the key
 * and, when it is free, writes its id at the version it read; the version makes the write a
 * compare-and-set, so of two clients that both saw it free only one wins. Release writes "" back.
 *
 * <p>ErrMaybe (a resent Put whose fate is unknown) is resolved by reading the key again: the lock
 * is ours exactly when the key holds our id. The id must be unique among the lock's users.
 *
 * <p>A client waiting for a held lock polls with back-to-back Gets, as the Go original does between
 * its sleeps; each poll is one round trip of virtual time.
 */
public final class ReferenceLock implements Lock {
  private final VersionedClerk ck;
  private final String key;
  private final String id;

  /**
   * @param ck the clerk every call goes through
   * @param key the key that stores the lock (6.5840's {@code l})
   * @param id this user's id, unique among the users of the lock
   */
  public ReferenceLock(VersionedClerk ck, String key, String id) {
    if (id.isEmpty()) {
      throw new IllegalArgumentException("the id of a lock user must not be empty");
    }
    this.ck = ck;
    this.key = key;
    this.id = id;
  }

  /** Completes once this user holds the lock. */
  @Override
  public SimFuture<Void> acquire() {
    SimFuture<Void> done = new SimFuture<>();
    tryAcquire(done);
    return done;
  }

  private void tryAcquire(SimFuture<Void> done) {
    ck.get(key).onComplete(g -> onRead(g, done));
  }

  private void onRead(GetResult g, SimFuture<Void> done) {
    if (g.err() == Err.OK && g.value().equals(id)) {
      done.complete(null); // ours already (an earlier ErrMaybe Put did apply)
      return;
    }
    boolean free = g.err() == Err.ErrNoKey || (g.err() == Err.OK && g.value().isEmpty());
    if (!free) {
      tryAcquire(done);
      return;
    }
    ck.put(key, id, g.version())
        .onComplete(
            err -> {
              if (err == Err.OK) {
                done.complete(null);
              } else {
                // ErrVersion: someone else got there first; ErrMaybe: read to find out.
                tryAcquire(done);
              }
            });
  }

  /**
   * Completes once the lock is free again. Releasing a lock this user does not hold changes
   * nothing.
   */
  @Override
  public SimFuture<Void> release() {
    SimFuture<Void> done = new SimFuture<>();
    tryRelease(done);
    return done;
  }

  private void tryRelease(SimFuture<Void> done) {
    ck.get(key)
        .onComplete(
            g -> {
              if (g.err() != Err.OK || !g.value().equals(id)) {
                done.complete(null);
                return;
              }
              ck.put(key, "", g.version())
                  .onComplete(
                      err -> {
                        // OK or ErrMaybe: only the holder writes the key, so a resend's
                        // ErrVersion means our write applied. ErrVersion on the first send
                        // cannot happen while we hold it; read again to be sure.
                        if (err == Err.OK || err == Err.ErrMaybe) {
                          done.complete(null);
                        } else {
                          tryRelease(done);
                        }
                      });
            });
  }
}
