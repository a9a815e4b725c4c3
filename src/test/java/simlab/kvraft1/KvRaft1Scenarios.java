package simlab.kvraft1;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import simlab.harness.KvRaft1Cluster;
import simlab.harness.KvRaft1Cluster.Clerk;
import simlab.kv.GenericTestParams;
import simlab.kvsrv1.ClntRes;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetResult;
import simlab.kvsrv1.KvTest1;
import simlab.kvsrv1.OneClientPut;
import simlab.sim.Simulation;
import simlab.testing.Seed;

/**
 * The shared scenarios of 6.5840 2025's kvraft1 tests ({@code kvraft1/kvraft_test.go} and {@code
 * kvtest1/kvtest.go}): GenericTest and GenericTestSpeed, with 6.5840's constants. The client loop
 * (OneClientPut), PutAtLeastOnce and CheckGet are kvtest1's, shared in {@link KvTest1}.
 */
final class KvRaft1Scenarios {
  /** 6.5840 {@code kvtest.ElectionTimeout}. */
  static final Duration ELECTION_TIMEOUT = Duration.ofSeconds(1);

  static final int NITER = 3;

  /** How long the clients run in each iteration (NSEC = 1). */
  static final Duration T = Duration.ofSeconds(1);

  static final int NKEYS = 100;

  /**
   * Pause between a client's Get+Put rounds (simlab's deviation, as in the 2024 suite: a Go client
   * is bounded by real CPU time to some hundreds of ops/s, while in virtual time an op costs under
   * a millisecond; flat out, the unsnapshotted 4B logs grow so long that re-persisting them makes
   * wall time quadratic). Override with -Dkv1.thinkMs=N (0 = flat out).
   */
  static final Duration THINK = Duration.ofMillis(Long.getLong("kv1.thinkMs", 30));

  private KvRaft1Scenarios() {}

  /**
   * 6.5840's GenericTest: NITER iterations; in each, nclients clients run {@link OneClientPut} for
   * T (after 1 s alone, with the partitioner running, when partitions are on); then the put counts
   * are checked against the keys' versions, the network is healed, servers are restarted (when
   * crash is on), the Raft state's size is checked, and the whole history so far must be
   * linearizable under the versioned KV model.
   */
  static void genericTest(Seed seed, GenericTestParams p) {
    Simulation sim = seed.newSimulation();
    KvRaft1Cluster ts = new KvRaft1Cluster(sim, p.nservers(), p.unreliable(), p.maxraftstate());
    ts.begin(p.title());
    Clerk ck = ts.makeClerk();
    List<Clerk> clerks = new ArrayList<>();
    for (int i = 0; i < p.nclients(); i++) {
      clerks.add(ts.makeClerk());
    }
    Map<String, Long> base = setupKeys(ts, ck, NKEYS);
    List<String> ka = List.copyOf(base.keySet());
    Map<String, ClntRes> counts = new TreeMap<>();
    for (int iter = 0; iter < NITER; iter++) {
      List<OneClientPut> loops = new ArrayList<>();
      for (int cli = 0; cli < p.nclients(); cli++) {
        OneClientPut loop =
            KvTest1.oneClientPut(
                    cli,
                    clerks.get(cli).ck(),
                    p.randomkeys() ? ka : List.of(ka.get(0)),
                    sim.random("client-" + cli + "-" + iter))
                .pausing(sim, THINK);
        loops.add(loop);
        loop.start();
      }
      Partitioner partitioner = null;
      if (p.partitions()) {
        // Let the clients perform some operations without interruption.
        sim.runFor(Duration.ofSeconds(1));
        partitioner = new Partitioner(ts, sim.random("partitioner-" + iter));
        partitioner.step();
      }
      sim.runFor(T);
      loops.forEach(OneClientPut::stop);
      for (OneClientPut loop : loops) {
        // A client finishes the operation it is in (the partitioner keeps going, as in 6.5840).
        if (!sim.runUntil(loop::finished, KvRaft1Cluster.OP_LIMIT)) {
          throw ts.fatal("client " + loop.me() + " did not finish its last operation within 120 s");
        }
        if (loop.failure() != null) {
          throw ts.fatal(loop.failure());
        }
        loop.perKey().forEach((k, c) -> counts.merge(k, c, ClntRes::plus));
      }
      if (partitioner != null) {
        Partitioner pt = partitioner;
        pt.stopping = true;
        sim.runUntil(() -> pt.finished, Duration.ofSeconds(2));
        ts.connectAll();
        sim.runFor(ELECTION_TIMEOUT);
      }
      checkPutCounts(ts, ck, base, counts);
      if (p.crash()) {
        ts.shutdownAll();
        sim.runFor(ELECTION_TIMEOUT);
        ts.startAll();
        ts.connectAll();
      }
      checkSizes(ts);
      ts.history().check(seed.testName(), seed.value());
    }
    ts.end();
  }

  /**
   * Each key Put at least once from version 0 (6.5840's {@code SetupKVs}); returns each key's
   * version after it (1, or more when an ErrMaybe'd Put had applied before the retry succeeded).
   */
  private static Map<String, Long> setupKeys(KvRaft1Cluster ts, Clerk ck, int nkeys) {
    Map<String, Long> base = new java.util.LinkedHashMap<>();
    for (int i = 0; i < nkeys; i++) {
      String k = "k" + i;
      base.put(k, KvTest1.putAtLeastOnce(ts.sim(), ck.ck(), k, "init", 0));
    }
    return base;
  }

  /**
   * 6.5840's CheckPutConcurrent, per key: a key's version counts the Puts applied to it, so it must
   * be its version after setup + the OKs at least and + the OKs + the ErrMaybes at most.
   */
  private static void checkPutCounts(
      KvRaft1Cluster ts, Clerk ck, Map<String, Long> base, Map<String, ClntRes> counts) {
    ts.sim().annotate("check put counts against versions ...");
    for (Map.Entry<String, ClntRes> e : counts.entrySet()) {
      GetResult r = ts.await(ck.ck().get(e.getKey()), "Get(" + e.getKey() + ")");
      long nok = e.getValue().nOk();
      long nmaybe = e.getValue().nMaybe();
      long b = base.get(e.getKey());
      if (r.version() < b + nok || r.version() > b + nok + nmaybe) {
        throw ts.fatal(
            "Wrong number of puts on "
                + e.getKey()
                + ": server version "
                + r.version()
                + ", clients "
                + nok
                + " OK and "
                + nmaybe
                + " ErrMaybe after setup left it at v"
                + b);
      }
    }
    ts.sim().annotate("check put counts passed");
  }

  /** Logs trimmed to 8*maxraftstate with snapshots; no snapshot at all without. */
  static void checkSizes(KvRaft1Cluster ts) {
    int max = ts.maxRaftState();
    if (max > 0) {
      int sz = ts.logSize();
      if (sz > 8 * max) {
        throw ts.fatal("logs were not trimmed (" + sz + " > 8*" + max + ")");
      }
    }
    if (max < 0) {
      int ssz = ts.snapshotSize();
      if (ssz > 0) {
        throw ts.fatal(
            "snapshot too large (" + ssz + "), should not be used when maxraftstate = " + max);
      }
    }
  }

  /** 6.5840's partitioner: every 1 s + U{0..199} ms, each server joins side 0 or 1 at random. */
  private static final class Partitioner {
    final KvRaft1Cluster ts;
    final RandomGenerator rnd;
    boolean stopping;
    boolean finished;

    Partitioner(KvRaft1Cluster ts, RandomGenerator rnd) {
      this.ts = ts;
      this.rnd = rnd;
    }

    void step() {
      if (stopping) {
        finished = true;
        return;
      }
      List<Integer> a = new ArrayList<>();
      List<Integer> b = new ArrayList<>();
      for (int i = 0; i < ts.n(); i++) {
        (rnd.nextInt(2) == 0 ? a : b).add(i);
      }
      ts.partition(a, b);
      ts.sim().schedule(ELECTION_TIMEOUT.plusMillis(rnd.nextInt(200)), this::step);
    }
  }

  /**
   * 6.5840's GenericTestSpeed: after a first Get (a leader is up), 1000 sequential Puts of "k" at
   * versions 0..999 must each answer OK and average at most 100 ms / 3 of virtual time; the final
   * Get must see version 1000.
   */
  static void speedTest(Seed seed, String part, int maxraftstate) {
    final int numOps = 1000;
    Simulation sim = seed.newSimulation();
    KvRaft1Cluster ts = new KvRaft1Cluster(sim, 3, false, maxraftstate);
    Clerk ck = ts.makeClerk();
    ts.begin("Test: ops complete fast enough (" + part + ")");
    ts.await(ck.ck().get("x"), "Get(x)");
    long start = sim.nowNanos();
    for (int i = 0; i < numOps; i++) {
      Err err = ts.await(ck.ck().put("k", Integer.toString(i), i), "Put(k)");
      if (err != Err.OK) {
        throw ts.fatal("Put err " + err);
      }
    }
    long dur = sim.nowNanos() - start;
    GetResult r = ts.await(ck.ck().get("k"), "Get(k)");
    if (r.err() != Err.OK) {
      throw ts.fatal("Get err " + r.err());
    }
    if (r.version() != numOps) {
      throw ts.fatal("Get too few ops " + r.version());
    }
    long timePerOp = Duration.ofMillis(100).toNanos() / 3;
    if (dur > numOps * timePerOp) {
      throw ts.fatal(
          String.format(
              "Operations completed too slowly %.1f ms/op > %.1f ms/op",
              dur / 1e6 / numOps, timePerOp / 1e6));
    }
    ts.history().check(seed.testName(), seed.value());
    ts.end();
  }
}
