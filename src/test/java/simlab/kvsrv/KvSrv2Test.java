package simlab.kvsrv;

import static simlab.kv.AppendChecks.checkClntAppends;
import static simlab.kv.AppendChecks.inHistory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Tag;
import simlab.harness.HistoryCheck;
import simlab.harness.KvSrvSetup;
import simlab.kv.AppendChecks;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;
import simlab.testing.Points;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/**
 * Lab 2 (6.5840 2024 kvsrv). Memory is measured with {@link KvSrvServer#memoryBytes()} instead of
 * Go's heap (see labs/lab2-kvsrv.md for the mapping); the value sizes and per-client bounds are
 * 6.5840's, the ManyClients tests use {@link #NCLIENT} clerks.
 */
@Tag("2")
class KvSrv2Test {
  static final long MIB = 1 << 20;

  /**
   * 6.5840 uses 100,000 clerks; the per-client bound is what matters, and 10,000 keeps the suite
   * fast.
   */
  static final int NCLIENT = 10_000;

  static final Duration TIME = Duration.ofSeconds(1);
  static final int NITER = 3;

  private static String randValue(RandomGenerator rnd, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('a' + rnd.nextInt(26)));
    }
    return b.toString();
  }

  private static void genericTest(Seed seed, int nclients, boolean unreliable) {
    Simulation sim = seed.newSimulation();
    KvSrvSetup cfg = new KvSrvSetup(sim, unreliable);
    String title =
        "Test: "
            + (unreliable ? "unreliable net, " : "")
            + (nclients > 1 ? "many clients" : "one client");
    cfg.begin(title);
    KvSrvSetup.Clerk ck = cfg.makeClient();
    List<KvSrvSetup.Clerk> clerks = new ArrayList<>();
    for (int i = 0; i < nclients; i++) {
      clerks.add(cfg.makeClient());
    }
    for (int iter = 0; iter < NITER; iter++) {
      List<Client> loops = new ArrayList<>();
      for (int cli = 0; cli < nclients; cli++) {
        Client c =
            new Client(cfg, clerks.get(cli), cli, sim.random("client-" + cli + "-iter-" + iter));
        loops.add(c);
        c.start();
      }
      sim.runFor(TIME);
      loops.forEach(c -> c.stopping = true);
      for (int cli = 0; cli < nclients; cli++) {
        Client c = loops.get(cli);
        sim.runUntil(() -> c.finished, Duration.ofSeconds(120));
        if (c.failure != null) {
          throw new AssertionError(c.failure);
        }
        if (!c.finished) {
          throw new AssertionError("client " + cli + " did not finish");
        }
        String v = cfg.await(cfg.get(ck, Integer.toString(cli)), "Get");
        checkClntAppends(cli, v, c.j);
      }
    }
    HistoryCheck.assertLinearizable(cfg.history().operations(), seed.testName(), seed.value());
    cfg.end();
  }

  /** One GenericTest client: Append 50% (checking the returned old value), else Get. */
  private static final class Client {
    final KvSrvSetup cfg;
    final KvSrvSetup.Clerk ck;
    final int cli;
    final RandomGenerator rnd;
    int j;
    String last = "";
    boolean stopping;
    boolean finished;
    String failure;

    Client(KvSrvSetup cfg, KvSrvSetup.Clerk ck, int cli, RandomGenerator rnd) {
      this.cfg = cfg;
      this.ck = ck;
      this.cli = cli;
      this.rnd = rnd;
    }

    void start() {
      cfg.put(ck, Integer.toString(cli), last).onComplete(v -> next());
    }

    void next() {
      if (stopping || failure != null) {
        finished = true;
        return;
      }
      String key = Integer.toString(cli);
      String nv = AppendChecks.value(cli, j);
      SimFuture<?> f;
      if (rnd.nextInt(1000) < 500) {
        int jj = j;
        SimFuture<String> a = cfg.append(ck, key, nv);
        a.onComplete(
            l -> {
              if (jj > 0 && !inHistory(AppendChecks.value(cli, jj - 1), l)) {
                failure = "error: old " + AppendChecks.value(cli, jj - 1) + " not in return\n" + l;
              }
              if (inHistory(nv, l)) {
                failure = "error: new value " + nv + " in returned values\n" + l;
              }
            });
        last = last + nv;
        j++;
        f = a;
      } else {
        SimFuture<String> g = cfg.get(ck, key);
        g.onComplete(
            v -> {
              if (!v.equals(last)) {
                failure = "get wrong value, key " + key + ", wanted:\n" + last + "\n, got\n" + v;
              }
            });
        f = g;
      }
      f.onComplete(v -> next());
    }
  }

  @SimTest(name = "TestBasic2")
  @Points(5)
  void basic(Seed seed) {
    genericTest(seed, 1, false);
  }

  @SimTest(name = "TestConcurrent2")
  @Points(5)
  void concurrent(Seed seed) {
    genericTest(seed, 5, false);
  }

  @SimTest(name = "TestUnreliable2")
  @Points(5)
  void unreliable(Seed seed) {
    genericTest(seed, 5, true);
  }

  @SimTest(name = "TestUnreliableOneKey2")
  @Points(5)
  void unreliableOneKey(Seed seed) {
    Simulation sim = seed.newSimulation();
    KvSrvSetup cfg = new KvSrvSetup(sim, true);
    KvSrvSetup.Clerk ck = cfg.makeClient();
    cfg.begin("Test: concurrent append to same key, unreliable");
    cfg.await(cfg.put(ck, "k", ""), "Put");
    final int nclient = 5;
    final int upto = 10;
    int[] done = new int[nclient];
    String[] failure = new String[1];
    for (int me = 0; me < nclient; me++) {
      chain(cfg, cfg.makeClient(), me, 0, upto, done, failure);
    }
    sim.runUntil(
        () -> failure[0] != null || java.util.Arrays.stream(done).sum() == nclient * upto,
        Duration.ofSeconds(120));
    if (failure[0] != null) {
      throw new AssertionError(failure[0]);
    }
    String vx = cfg.await(cfg.get(ck, "k"), "Get");
    AppendChecks.checkConcurrentAppends(vx, Collections.nCopies(nclient, upto));
    HistoryCheck.assertLinearizable(cfg.history().operations(), seed.testName(), seed.value());
    cfg.end();
  }

  private static void chain(
      KvSrvSetup cfg, KvSrvSetup.Clerk ck, int me, int n, int upto, int[] done, String[] failure) {
    if (n == upto) {
      return;
    }
    String nv = AppendChecks.value(me, n);
    cfg.append(ck, "k", nv)
        .onComplete(
            ov -> {
              if (inHistory(nv, ov)) {
                failure[0] = "error: nv " + nv + " in returned values\n" + ov;
              }
              done[me]++;
              chain(cfg, ck, me, n + 1, upto, done, failure);
            });
  }

  private static long mib(KvSrvSetup cfg) {
    return cfg.server().memoryBytes() / MIB;
  }

  @SimTest(name = "TestMemGet2")
  @Points(5)
  void memGet(Seed seed) {
    final int mem = 10;
    KvSrvSetup cfg = new KvSrvSetup(seed.newSimulation(), true);
    KvSrvSetup.Clerk ck0 = cfg.makeClient();
    KvSrvSetup.Clerk ck1 = cfg.makeClient();
    cfg.begin("Test: memory use get");
    String rdVal = randValue(cfg.sim().random("value"), (int) (MIB * mem));
    cfg.await(cfg.put(ck0, "k", rdVal), "Put");
    if (cfg.await(cfg.get(ck0, "k"), "Get").length() != rdVal.length()) {
      throw new AssertionError("error: incorrect len");
    }
    if (cfg.await(cfg.get(ck1, "k"), "Get").length() != rdVal.length()) {
      throw new AssertionError("error: incorrect len");
    }
    cfg.await(cfg.put(ck0, "k", "0"), "Put");
    long m = mib(cfg);
    if (m >= mem) {
      throw new AssertionError("error: server using too much memory " + m + " MiB");
    }
    cfg.end();
  }

  @SimTest(name = "TestMemPut2")
  @Points(5)
  void memPut(Seed seed) {
    final int mem = 10;
    KvSrvSetup cfg = new KvSrvSetup(seed.newSimulation(), false);
    cfg.begin("Test: memory use put");
    KvSrvSetup.Clerk ck0 = cfg.makeClient();
    KvSrvSetup.Clerk ck1 = cfg.makeClient();
    String rdVal = randValue(cfg.sim().random("value"), (int) (MIB * mem));
    cfg.await(cfg.put(ck0, "k", rdVal), "Put");
    cfg.await(cfg.put(ck1, "k", ""), "Put");
    long m = mib(cfg);
    if (m >= mem) {
      throw new AssertionError("error: server using too much memory " + m + " MiB");
    }
    cfg.end();
  }

  @SimTest(name = "TestMemAppend2")
  @Points(5)
  void memAppend(Seed seed) {
    final int mem = 10;
    KvSrvSetup cfg = new KvSrvSetup(seed.newSimulation(), false);
    cfg.begin("Test: memory use append");
    KvSrvSetup.Clerk ck0 = cfg.makeClient();
    KvSrvSetup.Clerk ck1 = cfg.makeClient();
    String rdVal0 = randValue(cfg.sim().random("value0"), (int) (MIB * mem));
    cfg.await(cfg.append(ck0, "k", rdVal0), "Append");
    String rdVal1 = randValue(cfg.sim().random("value1"), (int) (MIB * mem));
    cfg.await(cfg.append(ck1, "k", rdVal1), "Append");
    long m = mib(cfg);
    if (m > 3 * mem) {
      throw new AssertionError("error: server using too much memory " + m + " MiB");
    }
    cfg.end();
  }

  @SimTest(name = "TestMemPutManyClients")
  @Points(5)
  void memPutManyClients(Seed seed) {
    final int mem = 1000;
    KvSrvSetup cfg = new KvSrvSetup(seed.newSimulation(), false);
    String v = randValue(cfg.sim().random("value"), mem);
    List<KvSrvSetup.Clerk> cks = new ArrayList<>();
    for (int i = 0; i < NCLIENT; i++) {
      cks.add(cfg.makeClient());
    }
    cfg.runFor(Duration.ofSeconds(1));
    cfg.begin("Test: memory use many put clients");
    long m0 = cfg.server().memoryBytes();
    for (KvSrvSetup.Clerk ck : cks) {
      cfg.await(cfg.put(ck, "k", v), "Put");
    }
    cfg.runFor(Duration.ofSeconds(1));
    long m1 = cfg.server().memoryBytes();
    if (m1 > m0 + (long) NCLIENT * 200) {
      throw new AssertionError(
          String.format(
              "error: server using too much memory %d %d (%.2f per client)",
              m0, m1, (m1 - m0) / (double) NCLIENT));
    }
    cfg.end();
  }

  @SimTest(name = "TestMemGetManyClients")
  @Points(5)
  void memGetManyClients(Seed seed) {
    KvSrvSetup cfg = new KvSrvSetup(seed.newSimulation(), false);
    cfg.begin("Test: memory use many get client");
    KvSrvSetup.Clerk ck = cfg.makeClient();
    cfg.await(cfg.put(ck, "0", ""), "Put");
    List<KvSrvSetup.Clerk> cks = new ArrayList<>();
    for (int i = 0; i < NCLIENT; i++) {
      cks.add(cfg.makeClient());
    }
    cfg.runFor(Duration.ofSeconds(1));
    long m0 = cfg.server().memoryBytes();
    for (KvSrvSetup.Clerk c : cks) {
      cfg.await(cfg.get(c, "0"), "Get");
    }
    cfg.runFor(Duration.ofSeconds(1));
    long m1 = cfg.server().memoryBytes();
    if (m1 >= m0 + (long) NCLIENT * 10) {
      throw new AssertionError(
          String.format(
              "error: server using too much memory m0 %d m1 %d (%.2f per client)",
              m0, m1, (m1 - m0) / (double) NCLIENT));
    }
    cfg.end();
  }

  @SimTest(name = "TestMemManyAppends")
  @Points(5)
  void memManyAppends(Seed seed) {
    final int n = 1000;
    final int mem = 1000;
    KvSrvSetup cfg = new KvSrvSetup(seed.newSimulation(), false);
    cfg.begin("Test: memory use many appends");
    KvSrvSetup.Clerk ck = cfg.makeClient();
    String rdVal = randValue(cfg.sim().random("value"), mem);
    for (int i = 0; i < n; i++) {
      cfg.await(cfg.append(ck, "k", rdVal), "Append");
    }
    cfg.runFor(Duration.ofSeconds(1));
    long m1 = cfg.server().memoryBytes();
    if (m1 >= 3L * mem * n) {
      throw new AssertionError("error: server using too much memory m1 " + m1);
    }
    cfg.end();
  }
}
