package simlab.kvsrv1;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;

/**
 * 6.5840's OneClientPut as a {@link ClientLoop1}: client {@code me} loops Get(k) then Put(k, "me
 * ver", ver) on a key of {@code keys} (a random one when there are several), counting the Puts
 * answered OK and ErrMaybe, in all and per key. Checks on the way: a key's version never goes back
 * for this client (its own Gets and OKs are ordered), a Get answers OK or ErrNoKey (the latter only
 * at version 0), a Put answers OK, ErrVersion or ErrMaybe.
 *
 * <p>kvsrv1 runs it flat out, as 6.5840 does; kvraft1 and shardkv1 add a think time between rounds
 * ({@link #pausing}): in virtual time an operation costs under a millisecond, where a Go client is
 * bounded by real CPU time, and flat-out loops make Raft logs and histories grow without bound.
 */
public final class OneClientPut extends ClientLoop1 {
  private final int me;
  private final VersionedClerk ck;
  private final List<String> keys;
  private final RandomGenerator rnd;
  private final long[] seen;
  private final Map<String, ClntRes> perKey = new TreeMap<>();
  private Simulation sim;
  private Duration think = Duration.ZERO;
  private int ok;
  private int maybe;

  OneClientPut(int me, VersionedClerk ck, List<String> keys, RandomGenerator rnd) {
    this.me = me;
    this.ck = ck;
    this.keys = keys;
    this.rnd = rnd;
    this.seen = new long[keys.size()];
  }

  /** Waits {@code think} of virtual time after each round (zero: none); call before starting. */
  public OneClientPut pausing(Simulation sim, Duration think) {
    this.sim = sim;
    this.think = think;
    return this;
  }

  public int me() {
    return me;
  }

  /** The counts per key, for keys this client put at least once (read once it stopped). */
  public Map<String, ClntRes> perKey() {
    return perKey;
  }

  @Override
  protected SimFuture<?> step() {
    int ki = keys.size() == 1 ? 0 : rnd.nextInt(keys.size());
    String k = keys.get(ki);
    SimFuture<Void> done = new SimFuture<>();
    ck.get(k)
        .onComplete(
            g -> {
              if (g.err() != Err.OK && !(g.err() == Err.ErrNoKey && g.version() == 0)) {
                fail("client " + me + ": Get(" + k + ") answered " + g.err());
                done.complete(null);
                return;
              }
              if (g.version() < seen[ki]) {
                fail(
                    "client "
                        + me
                        + ": version of "
                        + k
                        + " went back from "
                        + seen[ki]
                        + " to "
                        + g.version());
                done.complete(null);
                return;
              }
              seen[ki] = g.version();
              long ver = g.version();
              ck.put(k, me + " " + ver, ver)
                  .onComplete(
                      err -> {
                        count(k, ki, ver, err);
                        if (think.isZero()) {
                          done.complete(null);
                        } else {
                          sim.schedule(think, () -> done.complete(null));
                        }
                      });
            });
    return done;
  }

  private void count(String k, int ki, long ver, Err err) {
    switch (err) {
      case OK -> {
        ok++;
        seen[ki] = ver + 1;
        perKey.merge(k, new ClntRes(1, 0), ClntRes::plus);
      }
      case ErrMaybe -> {
        maybe++;
        perKey.merge(k, new ClntRes(0, 1), ClntRes::plus);
      }
      case ErrVersion -> {}
      default -> fail("client " + me + ": Put(" + k + ", v" + ver + ") answered " + err);
    }
  }

  @Override
  protected ClntRes counted() {
    return new ClntRes(ok, maybe);
  }
}
