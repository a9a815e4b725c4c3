package simlab.kv;

import static simlab.kv.AppendChecks.checkClntAppends;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import simlab.harness.HistoryCheck;
import simlab.harness.KvCluster;
import simlab.harness.KvCluster.ClerkHandle;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;
import simlab.testing.Seed;

/**
 * The shared scenarios of the 2024 kvraft tests (6.5840 {@code test_test.go}): GenericTest and
 * GenericTestSpeed, with the same constants.
 */
final class KvScenarios {
  /** 6.5840 electionTimeout: how long the tests wait for a new term. */
  static final Duration ELECTION_TIMEOUT = Duration.ofSeconds(1);

  /** Iterations of GenericTest, and how long clients run in each. */
  static final int NITER = 3;

  static final Duration CLIENT_TIME = Duration.ofSeconds(5);

  /**
   * Pause between a GenericTest client's operations (simlab's deviation from 6.5840, where clients
   * loop flat out). In Go, real CPU time (gob, goroutines, persisting the whole log on every
   * change) bounds a client to some hundreds of ops/s; in virtual time an op costs ~0.7 ms, so a
   * client would issue ~1400 ops/s, and with no snapshots (4A) every Raft persist re-encodes a log
   * of tens of thousands of entries: wall time grows quadratically. 30 ms gives Go-like op counts
   * (hundreds per client per test). Override with -Dkv.thinkMs=N (0 = flat out).
   */
  static final Duration THINK = Duration.ofMillis(Long.getLong("kv.thinkMs", 30));

  private KvScenarios() {}

  static void genericTest(Seed seed, GenericTestParams p) {
    Simulation sim = seed.newSimulation();
    KvCluster cfg = new KvCluster(sim, p.nservers(), p.unreliable(), p.maxraftstate());
    cfg.begin(p.title());
    ClerkHandle ck = cfg.makeClient(cfg.all());
    List<ClerkHandle> clerks = new ArrayList<>();
    for (int i = 0; i < p.nclients(); i++) {
      clerks.add(cfg.makeClient(cfg.all()));
    }
    for (int iter = 0; iter < NITER; iter++) {
      List<ClientLoop> loops = new ArrayList<>();
      for (int cli = 0; cli < p.nclients(); cli++) {
        ClientLoop loop =
            new ClientLoop(
                cfg, clerks.get(cli), cli, p, sim.random("client-" + cli + "-iter-" + iter));
        loops.add(loop);
        loop.start();
      }
      Partitioner partitioner = null;
      if (p.partitions()) {
        // Let the clients work without interruption first.
        sim.runFor(Duration.ofSeconds(1));
        partitioner = new Partitioner(cfg, sim.random("partitioner-" + iter));
        partitioner.step();
      }
      sim.runFor(CLIENT_TIME);
      loops.forEach(ClientLoop::stop);
      if (partitioner != null) {
        Partitioner pt = partitioner;
        pt.stop();
        // Like 6.5840, wait for the partitioner to finish its current sleep.
        sim.runUntil(pt::finished, Duration.ofSeconds(2));
        cfg.connectAll();
        // A client may have submitted a request in a minority; it needs a new term to return.
        sim.runFor(ELECTION_TIMEOUT);
      }
      if (p.crash()) {
        for (int i = 0; i < p.nservers(); i++) {
          cfg.shutdownServer(i);
        }
        sim.runFor(ELECTION_TIMEOUT);
        for (int i = 0; i < p.nservers(); i++) {
          cfg.startServer(i);
        }
        cfg.connectAll();
      }
      for (int cli = 0; cli < p.nclients(); cli++) {
        ClientLoop loop = loops.get(cli);
        if (!sim.runUntil(() -> loop.finished || loop.failure != null, KvCluster.OP_LIMIT)) {
          throw new AssertionError(
              "client "
                  + cli
                  + " did not finish its last operation within "
                  + KvCluster.OP_LIMIT.toSeconds()
                  + " s");
        }
        if (loop.failure != null) {
          throw new AssertionError(loop.failure);
        }
        String v = cfg.getSync(ck, Integer.toString(cli));
        if (!p.randomkeys()) {
          checkClntAppends(cli, v, loop.j);
        }
      }
      checkSizes(cfg);
    }
    HistoryCheck.assertLinearizable(cfg.history().operations(), seed.testName(), seed.value());
    cfg.end();
  }

  /**
   * After each iteration: logs trimmed to 8*maxraftstate, or no snapshot at all when snapshots are
   * off.
   */
  static void checkSizes(KvCluster cfg) {
    int max = cfg.maxRaftState();
    if (max > 0) {
      int sz = cfg.logSize();
      if (sz > 8 * max) {
        throw new AssertionError("logs were not trimmed (" + sz + " > 8*" + max + ")");
      }
    }
    if (max < 0) {
      int ssz = cfg.snapshotSize();
      if (ssz > 0) {
        throw new AssertionError(
            "snapshot too large (" + ssz + "), should not be used when maxraftstate = " + max);
      }
    }
  }

  /**
   * One client of GenericTest, event-driven: each completed operation starts the next until told to
   * stop. Ops: Append 50%; with random keys 10% of the rest Put and 5% of the rest Delete (simlab's
   * addition; the model supports it); otherwise Get, whose value must match when each client owns
   * its key.
   */
  private static final class ClientLoop {
    final KvCluster cfg;
    final ClerkHandle ck;
    final int cli;
    final GenericTestParams p;
    final RandomGenerator rnd;
    int j;
    String last = "";
    boolean stopping;
    boolean finished;
    String failure;

    ClientLoop(KvCluster cfg, ClerkHandle ck, int cli, GenericTestParams p, RandomGenerator rnd) {
      this.cfg = cfg;
      this.ck = ck;
      this.cli = cli;
      this.p = p;
      this.rnd = rnd;
    }

    void start() {
      if (!p.randomkeys()) {
        cfg.put(ck, Integer.toString(cli), last).onComplete(v -> next());
      } else {
        next();
      }
    }

    void stop() {
      stopping = true;
    }

    private void next() {
      if (stopping || failure != null) {
        finished = true;
        return;
      }
      String key =
          p.randomkeys() ? Integer.toString(rnd.nextInt(p.nclients())) : Integer.toString(cli);
      String nv = AppendChecks.value(cli, j);
      SimFuture<?> f;
      if (rnd.nextInt(1000) < 500) {
        f = cfg.append(ck, key, nv);
        if (!p.randomkeys()) {
          last = last + nv;
        }
        j++;
      } else if (p.randomkeys() && rnd.nextInt(1000) < 100) {
        f = cfg.put(ck, key, nv);
        j++;
      } else if (p.randomkeys() && rnd.nextInt(1000) < 50) {
        f = cfg.delete(ck, key);
      } else {
        SimFuture<String> g = cfg.get(ck, key);
        g.onComplete(
            v -> {
              if (!p.randomkeys() && !v.equals(last)) {
                failure = "get wrong value, key " + key + ", wanted:\n" + last + "\n, got\n" + v;
              }
            });
        f = g;
      }
      f.onComplete(
          v -> {
            if (THINK.isZero()) {
              next();
            } else {
              cfg.sim().schedule(THINK, this::next);
            }
          });
    }
  }

  /** 6.5840 partitioner: every 1 s + U{0..199} ms, each server joins side 0 or 1 at random. */
  private static final class Partitioner {
    final KvCluster cfg;
    final RandomGenerator rnd;
    boolean stopping;
    boolean finished;

    Partitioner(KvCluster cfg, RandomGenerator rnd) {
      this.cfg = cfg;
      this.rnd = rnd;
    }

    void step() {
      if (stopping) {
        finished = true;
        return;
      }
      List<Integer> a = new ArrayList<>();
      List<Integer> b = new ArrayList<>();
      for (int i = 0; i < cfg.n(); i++) {
        (rnd.nextInt(2) == 0 ? a : b).add(i);
      }
      cfg.partition(a, b);
      cfg.sim().schedule(ELECTION_TIMEOUT.plusMillis(rnd.nextInt(200)), this::step);
    }

    void stop() {
      stopping = true;
    }

    boolean finished() {
      return finished;
    }
  }

  /** GenericTestSpeed: 1000 sequential Appends must average at most 100 ms / 3 of virtual time. */
  static void speedTest(Seed seed, String part, int maxraftstate) {
    final int numOps = 1000;
    Simulation sim = seed.newSimulation();
    KvCluster cfg = new KvCluster(sim, 3, false, maxraftstate);
    ClerkHandle ck = cfg.makeClient(cfg.all());
    cfg.begin("Test: ops complete fast enough (" + part + ")");
    // Wait until a first op completes, so a leader is elected and ready.
    cfg.getSync(ck, "x");
    long start = sim.nowNanos();
    for (int i = 0; i < numOps; i++) {
      cfg.appendSync(ck, "x", "x 0 " + i + " y");
    }
    long dur = sim.nowNanos() - start;
    String v = cfg.getSync(ck, "x");
    checkClntAppends(0, v, numOps);
    long timePerOp = Duration.ofMillis(100).toNanos() / 3;
    if (dur > numOps * timePerOp) {
      throw new AssertionError(
          String.format(
              "Operations completed too slowly %.1f ms/op > %.1f ms/op",
              dur / 1e6 / numOps, timePerOp / 1e6));
    }
    HistoryCheck.assertLinearizable(cfg.history().operations(), seed.testName(), seed.value());
    cfg.end();
  }
}
