package simlab.kvraft1;

import static simlab.kvraft1.KvRaft1Scenarios.ELECTION_TIMEOUT;
import static simlab.kvsrv1.KvTest1.checkGet;
import static simlab.kvsrv1.KvTest1.putAtLeastOnce;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import simlab.harness.KvRaft1Cluster;
import simlab.harness.KvRaft1Cluster.Clerk;
import simlab.kv.GenericTestParams;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetResult;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;
import simlab.testing.Points;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/** Lab 4B of 6.5840 2025 ({@code kvraft1/kvraft_test.go}): the versioned KV service on the RSM. */
@Tag("2025-4B")
class KvRaft1Part4BTest {

  private static final GenericTestParams.Part PART = new GenericTestParams.Part("4B", -1);

  @SimTest(name = "TestBasic4B")
  @Points(4)
  void basic(Seed seed) {
    KvRaft1Scenarios.genericTest(seed, PART.with(1, 5, false, false, false, false));
  }

  @SimTest(name = "TestSpeed4B")
  @Points(4)
  void speed(Seed seed) {
    KvRaft1Scenarios.speedTest(seed, "4B", -1);
  }

  @SimTest(name = "TestConcurrent4B")
  @Points(4)
  void concurrent(Seed seed) {
    KvRaft1Scenarios.genericTest(seed, PART.with(5, 5, false, false, false, false));
  }

  @SimTest(name = "TestUnreliable4B")
  @Points(4)
  void unreliable(Seed seed) {
    KvRaft1Scenarios.genericTest(seed, PART.with(5, 5, true, false, false, false));
  }

  /**
   * A Put and a Get in the minority (with the old leader) must not finish while it is cut off; the
   * majority goes on; after healing both finish and the minority's Put lands at the next version.
   */
  @SimTest(name = "TestOnePartition4B")
  @Points(4)
  void onePartition(Seed seed) {
    Simulation sim = seed.newSimulation();
    KvRaft1Cluster ts = new KvRaft1Cluster(sim, 5, false, -1);
    Clerk ck = ts.makeClerk();
    ts.begin("Test: progress in majority (4B)");
    long ver0 = putAtLeastOnce(ts.sim(), ck.ck(), "1", "13", 0);
    int l = ts.leader();
    List<List<Integer>> p = ts.makePartition(Math.max(l, 0));
    ts.partition(p.get(0), p.get(1));
    Clerk ckp1 = ts.makeClerkTo(p.get(0));
    Clerk ckp2a = ts.makeClerkTo(p.get(1));
    Clerk ckp2b = ts.makeClerkTo(p.get(1));
    long ver1 = putAtLeastOnce(ts.sim(), ckp1.ck(), "1", "14", ver0);
    checkGet(ts.sim(), ckp1.ck(), "1", "14", ver1);
    ts.end();

    ts.begin("Test: no progress in minority (4B)");
    long[] done0 = {-1};
    PutLoop minorityPut = new PutLoop(ckp2a, "1", "15", ver1);
    minorityPut.next(done0);
    SimFuture<GetResult> done1 = ckp2b.ck().get("1");
    if (sim.runUntil(() -> done0[0] >= 0 || done1.isDone(), Duration.ofSeconds(1))) {
      throw ts.fatal(done1.isDone() ? "Get in minority completed" : "Put in minority completed");
    }
    checkGet(ts.sim(), ckp1.ck(), "1", "14", ver1);
    long ver2 = putAtLeastOnce(ts.sim(), ckp1.ck(), "1", "16", ver1);
    checkGet(ts.sim(), ckp1.ck(), "1", "16", ver2);
    ts.end();

    ts.begin("Test: completion after heal (4B)");
    ts.connectAll();
    ts.connectClerk(ckp2a, ts.all());
    ts.connectClerk(ckp2b, ts.all());
    sim.runFor(ELECTION_TIMEOUT);
    if (!sim.runUntil(() -> done0[0] >= 0, Duration.ofSeconds(3))) {
      throw ts.fatal("Put did not complete");
    }
    if (!sim.runUntil(done1::isDone, Duration.ofSeconds(3))) {
      throw ts.fatal("Get did not complete");
    }
    checkGet(ts.sim(), ck.ck(), "1", "15", ver2 + 1);
    ts.history().check(seed.testName(), seed.value());
    ts.end();
  }

  /** PutAtLeastOnce as a goroutine: event-driven, writes the final version into {@code out}. */
  private record PutLoop(Clerk ck, String key, String value, long ver) {
    void next(long[] out) {
      ck.ck()
          .put(key, value, ver)
          .onComplete(
              err -> {
                if (err == Err.OK) {
                  out[0] = ver + 1;
                } else if (err == Err.ErrMaybe || err == Err.ErrVersion) {
                  new PutLoop(ck, key, value, ver + 1).next(out);
                } else {
                  new PutLoop(ck, key, value, ver).next(out);
                }
              });
    }
  }

  @SimTest(name = "TestManyPartitionsOneClient4B")
  @Points(4)
  void manyPartitionsOneClient(Seed seed) {
    KvRaft1Scenarios.genericTest(seed, PART.with(1, 5, false, false, true, false));
  }

  @SimTest(name = "TestManyPartitionsManyClients4B")
  @Points(4)
  void manyPartitionsManyClients(Seed seed) {
    KvRaft1Scenarios.genericTest(seed, PART.with(5, 5, false, false, true, false));
  }

  @SimTest(name = "TestPersistOneClient4B")
  @Points(4)
  void persistOneClient(Seed seed) {
    KvRaft1Scenarios.genericTest(seed, PART.with(1, 5, false, true, false, false));
  }

  @SimTest(name = "TestPersistConcurrent4B")
  @Points(4)
  void persistConcurrent(Seed seed) {
    KvRaft1Scenarios.genericTest(seed, PART.with(5, 5, false, true, false, false));
  }

  @SimTest(name = "TestPersistConcurrentUnreliable4B")
  @Points(4)
  void persistConcurrentUnreliable(Seed seed) {
    KvRaft1Scenarios.genericTest(seed, PART.with(5, 5, true, true, false, false));
  }

  @SimTest(name = "TestPersistPartition4B")
  @Points(4)
  void persistPartition(Seed seed) {
    KvRaft1Scenarios.genericTest(seed, PART.with(5, 5, false, true, true, false));
  }

  @SimTest(name = "TestPersistPartitionUnreliable4B")
  @Points(4)
  void persistPartitionUnreliable(Seed seed) {
    KvRaft1Scenarios.genericTest(seed, PART.with(5, 5, true, true, true, false));
  }

  @SimTest(name = "TestPersistPartitionUnreliableLinearizable4B")
  @Points(6)
  void persistPartitionUnreliableLinearizable(Seed seed) {
    KvRaft1Scenarios.genericTest(seed, PART.with(15, 7, true, true, true, true));
  }
}
