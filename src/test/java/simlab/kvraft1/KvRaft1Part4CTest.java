package simlab.kvraft1;

import static simlab.kvsrv1.KvTest1.checkGet;
import static simlab.kvsrv1.KvTest1.putAtLeastOnce;

import java.util.List;
import org.junit.jupiter.api.Tag;
import simlab.harness.KvRaft1Cluster;
import simlab.harness.KvRaft1Cluster.Clerk;
import simlab.kv.GenericTestParams;
import simlab.sim.Simulation;
import simlab.testing.Points;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/** Lab 4C of 6.5840 2025 ({@code kvraft1/kvraft_test.go}): the KV service with snapshots. */
@Tag("2025-4C")
class KvRaft1Part4CTest {
  static final int MAXRAFTSTATE = 1000;
  static final int MAXSNAPSHOTSTATE = 500;

  private static final GenericTestParams.Part PART = new GenericTestParams.Part("4C", MAXRAFTSTATE);

  private static void checkLogTrimmed(KvRaft1Cluster ts) {
    int sz = ts.logSize();
    if (sz > 8 * MAXRAFTSTATE) {
      throw ts.fatal("logs were not trimmed (" + sz + " > 8*" + MAXRAFTSTATE + ")");
    }
  }

  /** A server left behind while the others trimmed their logs must catch up by InstallSnapshot. */
  @SimTest(name = "TestSnapshotRPC4C")
  @Points(4)
  void snapshotRpc(Seed seed) {
    Simulation sim = seed.newSimulation();
    KvRaft1Cluster ts = new KvRaft1Cluster(sim, 3, false, MAXRAFTSTATE);
    Clerk ck = ts.makeClerk();
    ts.begin("Test: InstallSnapshot RPC (4C)");
    long vera = putAtLeastOnce(ts.sim(), ck.ck(), "a", "A", 0);
    checkGet(ts.sim(), ck.ck(), "a", "A", vera);

    // A bunch of puts into the majority partition.
    ts.partition(List.of(0, 1), List.of(2));
    Clerk ck1 = ts.makeClerkTo(List.of(0, 1));
    long verb = 0;
    for (int i = 0; i < 50; i++) {
      verb = putAtLeastOnce(ts.sim(), ck1.ck(), "b", Integer.toString(i), verb);
    }
    // The majority must have thrown away most of its log.
    checkLogTrimmed(ts);

    // A group that needs the lagging server, so it has to catch up.
    ts.partition(List.of(0, 2), List.of(1));
    Clerk ck2 = ts.makeClerkTo(List.of(0, 2));
    long verc = putAtLeastOnce(ts.sim(), ck2.ck(), "c", "C", 0);
    long verd = putAtLeastOnce(ts.sim(), ck2.ck(), "d", "D", 0);
    checkGet(ts.sim(), ck2.ck(), "a", "A", vera);
    checkGet(ts.sim(), ck2.ck(), "b", "49", verb);
    checkGet(ts.sim(), ck2.ck(), "c", "C", verc);
    checkGet(ts.sim(), ck2.ck(), "d", "D", verd);

    // Now everybody.
    ts.partition(List.of(0, 1, 2), List.of());
    long vere = putAtLeastOnce(ts.sim(), ck.ck(), "e", "E", 0);
    checkGet(ts.sim(), ck.ck(), "c", "C", verc);
    checkGet(ts.sim(), ck.ck(), "e", "E", vere);
    checkGet(ts.sim(), ck.ck(), "b", "49", verb);
    ts.history().check(seed.testName(), seed.value());
    ts.end();
  }

  /** 400 Puts to one key: logs trimmed, and the snapshot stays at most 500 bytes. */
  @SimTest(name = "TestSnapshotSize4C")
  @Points(4)
  void snapshotSize(Seed seed) {
    Simulation sim = seed.newSimulation();
    KvRaft1Cluster ts = new KvRaft1Cluster(sim, 3, false, MAXRAFTSTATE);
    Clerk ck = ts.makeClerk();
    ts.begin("Test: snapshot size is reasonable (4C)");
    long ver = 0;
    for (int i = 0; i < 200; i++) {
      ver = putAtLeastOnce(ts.sim(), ck.ck(), "x", "0", ver);
      checkGet(ts.sim(), ck.ck(), "x", "0", ver);
      ver = putAtLeastOnce(ts.sim(), ck.ck(), "x", "1", ver);
      checkGet(ts.sim(), ck.ck(), "x", "1", ver);
    }
    checkLogTrimmed(ts);
    int ssz = ts.snapshotSize();
    if (ssz > MAXSNAPSHOTSTATE) {
      throw ts.fatal("snapshot too large (" + ssz + " > " + MAXSNAPSHOTSTATE + ")");
    }
    ts.history().check(seed.testName(), seed.value());
    ts.end();
  }

  @SimTest(name = "TestSpeed4C")
  @Points(4)
  void speed(Seed seed) {
    KvRaft1Scenarios.speedTest(seed, "4C", MAXRAFTSTATE);
  }

  @SimTest(name = "TestSnapshotRecover4C")
  @Points(4)
  void snapshotRecover(Seed seed) {
    KvRaft1Scenarios.genericTest(seed, PART.with(1, 5, false, true, false, false));
  }

  @SimTest(name = "TestSnapshotRecoverManyClients4C")
  @Points(4)
  void snapshotRecoverManyClients(Seed seed) {
    KvRaft1Scenarios.genericTest(seed, PART.with(20, 5, false, true, false, false));
  }

  @SimTest(name = "TestSnapshotUnreliable4C")
  @Points(4)
  void snapshotUnreliable(Seed seed) {
    KvRaft1Scenarios.genericTest(seed, PART.with(5, 5, true, false, false, false));
  }

  @SimTest(name = "TestSnapshotUnreliableRecover4C")
  @Points(4)
  void snapshotUnreliableRecover(Seed seed) {
    KvRaft1Scenarios.genericTest(seed, PART.with(5, 5, true, true, false, false));
  }

  @SimTest(name = "TestSnapshotUnreliableRecoverConcurrentPartition4C")
  @Points(4)
  void snapshotUnreliableRecoverConcurrentPartition(Seed seed) {
    KvRaft1Scenarios.genericTest(seed, PART.with(5, 5, true, true, true, false));
  }

  @SimTest(name = "TestSnapshotUnreliableRecoverConcurrentPartitionLinearizable4C")
  @Points(6)
  void snapshotUnreliableRecoverConcurrentPartitionLinearizable(Seed seed) {
    KvRaft1Scenarios.genericTest(seed, PART.with(15, 7, true, true, true, true));
  }
}
