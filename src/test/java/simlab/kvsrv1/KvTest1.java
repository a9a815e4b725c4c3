package simlab.kvsrv1;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;

/**
 * The 2025 labs' shared KV test helpers (6.5840's {@code kvtest1}), for any {@link VersionedClerk}:
 * kvsrv1's, kvraft1's, shardkv1's. Pass recording clerks (see {@code
 * simlab.harness.VersionedHistory#recording}) where the history is to be checked.
 *
 * <p>Everything runs inside the simulation: the loops are chains of futures, the driver runs the
 * simulation with {@link #runClients} or {@code Simulation.runUntil}.
 */
public final class KvTest1 {
  /** 6.5840's RandValue alphabet. */
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /** How long the driver waits for stopped loops to finish their last operation (virtual). */
  public static final Duration FINISH_LIMIT = Duration.ofSeconds(120);

  private KvTest1() {}

  /** 6.5840's RandValue(n): n random letters. */
  public static String randValue(RandomGenerator rnd, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(LETTERS.charAt(rnd.nextInt(LETTERS.length())));
    }
    return b.toString();
  }

  /** 6.5840's OneClientPut (see {@link OneClientPut}), flat out. */
  public static OneClientPut oneClientPut(
      int me, VersionedClerk ck, List<String> keys, RandomGenerator rnd) {
    return new OneClientPut(me, ck, keys, rnd);
  }

  /**
   * 6.5840's RunClients: starts {@code n} loops, runs the simulation for {@code time}, stops them,
   * waits for each to finish its last operation, and fails on the first violation a loop found.
   * Returns each loop's count, in client order.
   */
  public static List<ClntRes> runClients(
      Simulation sim, int n, Duration time, IntFunction<ClientLoop1> loopOfClient) {
    List<ClientLoop1> loops = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ClientLoop1 l = loopOfClient.apply(i);
      loops.add(l);
      l.start();
    }
    sim.runFor(time);
    loops.forEach(ClientLoop1::stop);
    for (int i = 0; i < n; i++) {
      ClientLoop1 l = loops.get(i);
      sim.runUntil(l::finished, FINISH_LIMIT);
      if (l.failure() != null) {
        sim.annotate("FAILED: " + l.failure());
        throw new AssertionError(l.failure());
      }
      if (!l.finished()) {
        String m = "client " + i + " did not finish its last operation";
        sim.annotate("FAILED: " + m);
        throw new AssertionError(m);
      }
    }
    List<ClntRes> out = new ArrayList<>();
    loops.forEach(l -> out.add(l.result().get()));
    return out;
  }

  /**
   * 6.5840's CheckPutConcurrent: after the loops of {@link #oneClientPut} on one key, the key's
   * version counts the Puts that applied. On a reliable network no Put is resent, so it equals the
   * sum of OKs; on an unreliable one it lies between the OKs and OKs + ErrMaybes (6.5840 checks
   * only the upper bound; every OK applied, so the lower one holds too). Returns the summed count.
   */
  public static ClntRes checkPutConcurrent(GetResult last, List<ClntRes> rs, boolean reliable) {
    ClntRes sum = ClntRes.ZERO;
    for (ClntRes r : rs) {
      sum = sum.plus(r);
    }
    long ver = last.version();
    if (reliable && ver != sum.nOk()) {
      throw new AssertionError(
          "Reliable: Wrong number of puts: server " + ver + " clnts " + describe(sum));
    }
    if (!reliable && (ver < sum.nOk() || ver > sum.nOk() + sum.nMaybe())) {
      throw new AssertionError(
          "Unreliable: Wrong number of puts: server " + ver + " clnts " + describe(sum));
    }
    return sum;
  }

  private static String describe(ClntRes r) {
    return "{Nok " + r.nOk() + " Nmaybe " + r.nMaybe() + "}";
  }

  /** What {@link #spreadPuts} wrote: the keys k0..k(n-1) and their values, in key order. */
  public record Spread(List<String> keys, List<String> values) {}

  /**
   * 6.5840's SpreadPutsSize: Puts n keys "k0".."k(n-1)" at version 0 with random values of {@code
   * valueSize} letters (SpreadPuts: 20), one after the other, then Gets each and checks its value
   * and version 1. A Put may answer OK or ErrMaybe; anything else, or a wrong Get, fails.
   */
  public static SimFuture<Spread> spreadPuts(
      VersionedClerk ck, int n, int valueSize, RandomGenerator rnd) {
    List<String> keys = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add("k" + i);
      values.add(randValue(rnd, valueSize));
    }
    SimFuture<Spread> out = new SimFuture<>();
    putFrom(ck, keys, values, 0, out);
    return out;
  }

  private static void putFrom(
      VersionedClerk ck, List<String> keys, List<String> values, int i, SimFuture<Spread> out) {
    if (i == keys.size()) {
      getFrom(ck, keys, values, 0, out);
      return;
    }
    ck.put(keys.get(i), values.get(i), 0)
        .onComplete(
            err -> {
              if (err != Err.OK && err != Err.ErrMaybe) {
                throw new AssertionError("Put(" + keys.get(i) + ", v0) answered " + err);
              }
              putFrom(ck, keys, values, i + 1, out);
            });
  }

  private static void getFrom(
      VersionedClerk ck, List<String> keys, List<String> values, int i, SimFuture<Spread> out) {
    if (i == keys.size()) {
      out.complete(new Spread(List.copyOf(keys), List.copyOf(values)));
      return;
    }
    ck.get(keys.get(i))
        .onComplete(
            g -> {
              if (g.err() != Err.OK || !g.value().equals(values.get(i)) || g.version() != 1) {
                throw new AssertionError(
                    "Get("
                        + keys.get(i)
                        + ") answered "
                        + g
                        + ", expected the value just put at version 1");
              }
              getFrom(ck, keys, values, i + 1, out);
            });
  }

  // ---- driver-side checks (the test's own thread in 6.5840: they wait) --------------------

  /**
   * Runs the simulation until {@code f} completes (at most {@link #FINISH_LIMIT}, 6.5840's per-test
   * cap); a timeout fails the test through {@link #fatal}.
   */
  public static <T> T await(Simulation sim, SimFuture<T> f, String what) {
    if (!sim.runUntil(f::isDone, FINISH_LIMIT)) {
      throw fatal(sim, what + " did not complete within " + FINISH_LIMIT.toSeconds() + " s");
    }
    return f.get();
  }

  /** Go's {@code t.Fatalf}: marks the failure on the run's timeline and fails the test. */
  public static RuntimeException fatal(Simulation sim, String message) {
    sim.annotate("FAILED: " + message);
    return sim.failure(message, null);
  }

  /** 6.5840's CheckGet: the key must answer OK with {@code value} at {@code version}. */
  public static void checkGet(
      Simulation sim, VersionedClerk ck, String key, String value, long version) {
    GetResult r = await(sim, ck.get(key), "Get(" + key + ")");
    if (r.err() != Err.OK || !r.value().equals(value) || r.version() != version) {
      throw fatal(
          sim,
          "Get("
              + key
              + "): expected "
              + value
              + " v"
              + version
              + ", received "
              + r.value()
              + " v"
              + r.version()
              + " "
              + r.err());
    }
  }

  /**
   * 6.5840's PutAtLeastOnce: Put at {@code ver} until OK, moving to the next version after
   * ErrVersion or ErrMaybe (and waiting 100 ms after ErrNoKey for the key to be created); returns
   * the version after the successful Put.
   */
  public static long putAtLeastOnce(
      Simulation sim, VersionedClerk ck, String key, String value, long ver) {
    for (int tries = 0; ; tries++) {
      Err err = await(sim, ck.put(key, value, ver), "Put(" + key + ", v" + ver + ")");
      if (err == Err.OK) {
        return ver + 1;
      }
      if (err == Err.ErrMaybe || err == Err.ErrVersion) {
        ver++;
      } else if (err == Err.ErrNoKey) {
        sim.runFor(Duration.ofMillis(100));
      } else {
        throw fatal(sim, "Put(" + key + ") answered " + err);
      }
      if (tries > 10_000) {
        throw fatal(sim, "Put(" + key + ") never succeeded");
      }
    }
  }
}
