package simlab.shardkv1.shardctrler;

import java.time.Duration;
import java.util.function.Consumer;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetResult;
import simlab.kvsrv1.VersionedClerk;
import simlab.sim.NodeContext;

/**
 * The reference controller's lease (part 5C): one key in the kvsrv, {@link #KEY}, holding {@code
 * "lease <owner> <expiry>"} or {@link #FREE}. Only the holder drives a configuration change.
 *
 * <p>A controller takes the lease with a versioned Put, so of two that read the same free or
 * expired lease only one wins; the expiry it writes is the time it <em>sent</em> that Put plus
 * {@link #DURATION}, so its own belief "I hold it until the expiry" never outlasts what the others
 * read. Before each step that writes (the next configuration, a shard RPC, the publish) the holder
 * calls {@link #guard}: with less than {@link #RENEW_BELOW} left it renews first (again a versioned
 * Put on the version it holds); a renewal that finds the version moved on means another controller
 * took the lease over, and the holder bails out of its change.
 *
 * <p>Time is the node's context clock: virtual time, which every node of a simulation shares. A
 * reader compares another controller's expiry with its own clock, so this is only sound with clocks
 * that agree (as on 6.5840's single test machine); across real machines the reader would have to
 * add the largest clock skew to every expiry it reads. Wall-clock time is never read.
 */
final class ControllerLease {
  static final String KEY = "shardctrler-lease";
  static final String FREE = "free";

  /** How long a lease lasts from the moment its Put is sent. */
  static final Duration DURATION = Duration.ofSeconds(1);

  /**
   * Renew before a write when less than this is left. It exceeds the largest one-way delay of a
   * request (27 ms on the unreliable network), so a write sent under the guard lands while the
   * lease is still held; only a clerk's resend can land later, and that one is fenced by the kvsrv
   * version or the shard's configuration number.
   */
  static final Duration RENEW_BELOW = DURATION.dividedBy(2);

  /** How often a controller waiting for a held lease looks again (the holder may release it). */
  static final Duration POLL = Duration.ofMillis(50);

  private final NodeContext ctx;
  private final VersionedClerk kv;
  private final String owner;

  /** The version of the lease key that is ours, or 0 when we do not hold the lease. */
  private long version;

  private long expiryNanos;

  ControllerLease(NodeContext ctx, VersionedClerk kv) {
    this.ctx = ctx;
    this.kv = kv;
    // The node id names the controller on the timeline; the random suffix tells apart two
    // controllers in one node (or one node's incarnations).
    this.owner = ctx.id() + "#" + Long.toHexString(ctx.random().nextLong() & 0xffffffL);
  }

  String owner() {
    return owner;
  }

  private record Lease(String owner, long expiryNanos) {
    static Lease parse(String value) {
      String[] p = value.split(" ");
      if (p.length != 3 || !p[0].equals("lease")) {
        return null; // FREE, or absent
      }
      return new Lease(p[1], Long.parseLong(p[2]));
    }

    String value() {
      return "lease " + owner + " " + expiryNanos;
    }
  }

  /** Takes the lease, waiting while another controller holds one that has not expired. */
  void acquire(Runnable then) {
    kv.get(KEY)
        .onComplete(
            (GetResult r) -> {
              Lease held = r.err() == Err.OK ? Lease.parse(r.value()) : null;
              long now = ctx.nowNanos();
              if (held != null && !held.owner().equals(owner) && now < held.expiryNanos()) {
                long left = held.expiryNanos() - now + 1;
                ctx.schedule(Duration.ofNanos(Math.min(left, POLL.toNanos())), () -> acquire(then));
                return;
              }
              long at = r.err() == Err.OK ? r.version() : 0;
              put(
                  at,
                  ok -> {
                    if (!ok) {
                      acquire(then); // another controller got there first, or unsure: look again
                      return;
                    }
                    if (held != null && !held.owner().equals(owner)) {
                      ctx.annotate(
                          "controller "
                              + owner
                              + ": took over the expired lease of "
                              + held.owner());
                    }
                    then.run();
                  });
            });
  }

  /**
   * Runs {@code held} if the lease is still ours with at least {@link #RENEW_BELOW} left (renewing
   * it if needed), otherwise {@code lost}.
   */
  void guard(Runnable held, Runnable lost) {
    if (version == 0) {
      lost.run();
      return;
    }
    if (expiryNanos - ctx.nowNanos() > RENEW_BELOW.toNanos()) {
      held.run();
      return;
    }
    // Renewing at the version we hold succeeds only if no one took the lease over, even if it
    // expired meanwhile (a group that was down kept us waiting): then no one else held it.
    put(
        version,
        ok -> {
          if (ok) {
            held.run();
          } else {
            version = 0;
            ctx.annotate("controller " + owner + ": lease lost, bailing out");
            lost.run();
          }
        });
  }

  /** Gives the lease back (if still ours) so a waiting controller need not wait for the expiry. */
  void release(Runnable then) {
    if (version == 0) {
      then.run();
      return;
    }
    long at = version;
    version = 0;
    kv.put(KEY, FREE, at).onComplete(e -> then.run());
  }

  /**
   * A versioned Put of a fresh lease at {@code at}; tells {@code done} whether we hold it now. An
   * ErrMaybe is settled by reading the key back: the value names the owner and the exact expiry.
   */
  private void put(long at, Consumer<Boolean> done) {
    Lease mine = new Lease(owner, ctx.nowNanos() + DURATION.toNanos());
    kv.put(KEY, mine.value(), at)
        .onComplete(
            e -> {
              if (e == Err.OK) {
                take(mine, at + 1, done);
              } else if (e == Err.ErrMaybe) {
                kv.get(KEY)
                    .onComplete(
                        r -> {
                          if (r.err() == Err.OK && r.value().equals(mine.value())) {
                            take(mine, r.version(), done);
                          } else {
                            done.accept(false);
                          }
                        });
              } else {
                done.accept(false);
              }
            });
  }

  private void take(Lease mine, long atVersion, Consumer<Boolean> done) {
    version = atVersion;
    expiryNanos = mine.expiryNanos();
    done.accept(true);
  }
}
