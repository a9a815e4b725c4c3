package simlab.kv;

import static simlab.kv.KvScenarios.ELECTION_TIMEOUT;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import simlab.harness.HistoryCheck;
import simlab.harness.KvCluster;
import simlab.harness.KvCluster.ClerkHandle;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;
import simlab.testing.Points;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/** Lab 4A (6.5840 2024 kvraft): the key/value service without snapshots. */
@Tag("4A")
class KvRaft4ATest {

  private static final GenericTestParams.Part PART = new GenericTestParams.Part("4A", -1);

  @SimTest(name = "TestBasic4A")
  @Points(4)
  void basic(Seed seed) {
    KvScenarios.genericTest(seed, PART.with(1, 5, false, false, false, false));
  }

  @SimTest(name = "TestSpeed4A")
  @Points(4)
  void speed(Seed seed) {
    KvScenarios.speedTest(seed, "4A", -1);
  }

  @SimTest(name = "TestConcurrent4A")
  @Points(4)
  void concurrent(Seed seed) {
    KvScenarios.genericTest(seed, PART.with(5, 5, false, false, false, false));
  }

  @SimTest(name = "TestUnreliable4A")
  @Points(4)
  void unreliable(Seed seed) {
    KvScenarios.genericTest(seed, PART.with(5, 5, true, false, false, false));
  }

  @SimTest(name = "TestUnreliableOneKey4A")
  @Points(4)
  void unreliableOneKey(Seed seed) {
    Simulation sim = seed.newSimulation();
    KvCluster cfg = new KvCluster(sim, 3, true, -1);
    ClerkHandle ck = cfg.makeClient(cfg.all());
    cfg.begin("Test: concurrent append to same key, unreliable (4A)");
    cfg.putSync(ck, "k", "");
    final int nclient = 5;
    final int upto = 10;
    int[] done = new int[nclient];
    for (int me = 0; me < nclient; me++) {
      ClerkHandle myck = cfg.makeClient(cfg.all());
      appendChain(cfg, myck, me, 0, upto, done);
    }
    if (!sim.runUntil(() -> sumOf(done) == nclient * upto, KvCluster.OP_LIMIT)) {
      throw new AssertionError(
          "clients did not finish their appends: " + java.util.Arrays.toString(done));
    }
    String vx = cfg.getSync(ck, "k");
    AppendChecks.checkConcurrentAppends(vx, Collections.nCopies(nclient, upto));
    HistoryCheck.assertLinearizable(cfg.history().operations(), seed.testName(), seed.value());
    cfg.end();
  }

  private static void appendChain(
      KvCluster cfg, ClerkHandle ck, int me, int n, int upto, int[] done) {
    if (n == upto) {
      return;
    }
    cfg.append(ck, "k", AppendChecks.value(me, n))
        .onComplete(
            v -> {
              done[me]++;
              appendChain(cfg, ck, me, n + 1, upto, done);
            });
  }

  private static int sumOf(int[] a) {
    int s = 0;
    for (int x : a) {
      s += x;
    }
    return s;
  }

  /**
   * Progress in the majority, none in the minority (the old leader's side), and the minority's
   * requests complete after healing.
   */
  @SimTest(name = "TestOnePartition4A")
  @Points(4)
  void onePartition(Seed seed) {
    Simulation sim = seed.newSimulation();
    KvCluster cfg = new KvCluster(sim, 5, false, -1);
    ClerkHandle ck = cfg.makeClient(cfg.all());
    cfg.putSync(ck, "1", "13");

    cfg.begin("Test: progress in majority (4A)");
    List<List<Integer>> parts = cfg.makePartition();
    List<Integer> p1 = parts.get(0);
    List<Integer> p2 = parts.get(1);
    cfg.partition(p1, p2);
    ClerkHandle ckp1 = cfg.makeClient(p1);
    ClerkHandle ckp2a = cfg.makeClient(p2);
    ClerkHandle ckp2b = cfg.makeClient(p2);
    cfg.putSync(ckp1, "1", "14");
    cfg.check(ckp1, "1", "14");
    cfg.end();

    cfg.begin("Test: no progress in minority (4A)");
    SimFuture<Void> done0 = cfg.put(ckp2a, "1", "15");
    SimFuture<String> done1 = cfg.get(ckp2b, "1");
    sim.runUntil(() -> done0.isDone() || done1.isDone(), Duration.ofSeconds(1));
    if (done0.isDone()) {
      throw new AssertionError("Put in minority completed");
    }
    if (done1.isDone()) {
      throw new AssertionError("Get in minority completed");
    }
    cfg.check(ckp1, "1", "14");
    cfg.putSync(ckp1, "1", "16");
    cfg.check(ckp1, "1", "16");
    cfg.end();

    cfg.begin("Test: completion after heal (4A)");
    cfg.connectAll();
    cfg.connectClient(ckp2a, cfg.all());
    cfg.connectClient(ckp2b, cfg.all());
    sim.runFor(ELECTION_TIMEOUT);
    if (!sim.runUntil(done0::isDone, Duration.ofMillis(30 * 100))) {
      throw new AssertionError("Put did not complete");
    }
    // 6.5840 polls the Get without waiting (select with default): it must not block the test.
    cfg.check(ck, "1", "15");
    HistoryCheck.assertLinearizable(cfg.history().operations(), seed.testName(), seed.value());
    cfg.end();
  }

  @SimTest(name = "TestManyPartitionsOneClient4A")
  @Points(4)
  void manyPartitionsOneClient(Seed seed) {
    KvScenarios.genericTest(seed, PART.with(1, 5, false, false, true, false));
  }

  @SimTest(name = "TestManyPartitionsManyClients4A")
  @Points(4)
  void manyPartitionsManyClients(Seed seed) {
    KvScenarios.genericTest(seed, PART.with(5, 5, false, false, true, false));
  }

  @SimTest(name = "TestPersistOneClient4A")
  @Points(4)
  void persistOneClient(Seed seed) {
    KvScenarios.genericTest(seed, PART.with(1, 5, false, true, false, false));
  }

  @SimTest(name = "TestPersistConcurrent4A")
  @Points(4)
  void persistConcurrent(Seed seed) {
    KvScenarios.genericTest(seed, PART.with(5, 5, false, true, false, false));
  }

  @SimTest(name = "TestPersistConcurrentUnreliable4A")
  @Points(4)
  void persistConcurrentUnreliable(Seed seed) {
    KvScenarios.genericTest(seed, PART.with(5, 5, true, true, false, false));
  }

  @SimTest(name = "TestPersistPartition4A")
  @Points(4)
  void persistPartition(Seed seed) {
    KvScenarios.genericTest(seed, PART.with(5, 5, false, true, true, false));
  }

  @SimTest(name = "TestPersistPartitionUnreliable4A")
  @Points(4)
  void persistPartitionUnreliable(Seed seed) {
    KvScenarios.genericTest(seed, PART.with(5, 5, true, true, true, false));
  }

  @SimTest(name = "TestPersistPartitionUnreliableLinearizable4A")
  @Points(6)
  void persistPartitionUnreliableLinearizable(Seed seed) {
    KvScenarios.genericTest(seed, PART.with(15, 7, true, true, true, true));
  }
}
