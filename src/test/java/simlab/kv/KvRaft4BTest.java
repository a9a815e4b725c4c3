package simlab.kv;

import static simlab.kv.KvScenarios.ELECTION_TIMEOUT;

import java.util.List;
import org.junit.jupiter.api.Tag;
import simlab.harness.HistoryCheck;
import simlab.harness.KvCluster;
import simlab.harness.KvCluster.ClerkHandle;
import simlab.sim.Simulation;
import simlab.testing.Points;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/** Lab 4B (6.5840 2024 kvraft): snapshots, with maxraftstate = 1000 throughout. */
@Tag("4B")
class KvRaft4BTest {
  static final int MAXRAFTSTATE = 1000;
  static final int MAXSNAPSHOTSTATE = 500;

  private static final GenericTestParams.Part PART = new GenericTestParams.Part("4B", MAXRAFTSTATE);

  private static void checkLogTrimmed(KvCluster cfg) {
    int sz = cfg.logSize();
    if (sz > 8 * MAXRAFTSTATE) {
      throw new AssertionError("logs were not trimmed (" + sz + " > 8*" + MAXRAFTSTATE + ")");
    }
  }

  /** A lagging server must be brought up to date with InstallSnapshot. */
  @SimTest(name = "TestSnapshotRPC4B")
  @Points(4)
  void snapshotRpc(Seed seed) {
    Simulation sim = seed.newSimulation();
    KvCluster cfg = new KvCluster(sim, 3, false, MAXRAFTSTATE);
    ClerkHandle ck = cfg.makeClient(cfg.all());
    cfg.begin("Test: InstallSnapshot RPC (4B)");
    cfg.putSync(ck, "a", "A");
    cfg.check(ck, "a", "A");

    // A bunch of puts into the majority partition.
    cfg.partition(List.of(0, 1), List.of(2));
    ClerkHandle ck1 = cfg.makeClient(List.of(0, 1));
    for (int i = 0; i < 50; i++) {
      cfg.putSync(ck1, Integer.toString(i), Integer.toString(i));
    }
    sim.runFor(ELECTION_TIMEOUT);
    cfg.putSync(ck1, "b", "B");
    // The majority must have thrown away most of its log.
    checkLogTrimmed(cfg);

    // A group that needs the lagging server, so it has to catch up.
    cfg.partition(List.of(0, 2), List.of(1));
    ClerkHandle ck2 = cfg.makeClient(List.of(0, 2));
    cfg.putSync(ck2, "c", "C");
    cfg.putSync(ck2, "d", "D");
    cfg.check(ck2, "a", "A");
    cfg.check(ck2, "b", "B");
    cfg.check(ck2, "1", "1");
    cfg.check(ck2, "49", "49");

    // Now everybody.
    cfg.partition(List.of(0, 1, 2), List.of());
    cfg.putSync(ck, "e", "E");
    cfg.check(ck, "c", "C");
    cfg.check(ck, "e", "E");
    cfg.check(ck, "1", "1");
    HistoryCheck.assertLinearizable(cfg.history().operations(), seed.testName(), seed.value());
    cfg.end();
  }

  @SimTest(name = "TestSnapshotSize4B")
  @Points(4)
  void snapshotSize(Seed seed) {
    Simulation sim = seed.newSimulation();
    KvCluster cfg = new KvCluster(sim, 3, false, MAXRAFTSTATE);
    ClerkHandle ck = cfg.makeClient(cfg.all());
    cfg.begin("Test: snapshot size is reasonable (4B)");
    for (int i = 0; i < 200; i++) {
      cfg.putSync(ck, "x", "0");
      cfg.check(ck, "x", "0");
      cfg.putSync(ck, "x", "1");
      cfg.check(ck, "x", "1");
    }
    checkLogTrimmed(cfg);
    int ssz = cfg.snapshotSize();
    if (ssz > MAXSNAPSHOTSTATE) {
      throw new AssertionError("snapshot too large (" + ssz + " > " + MAXSNAPSHOTSTATE + ")");
    }
    HistoryCheck.assertLinearizable(cfg.history().operations(), seed.testName(), seed.value());
    cfg.end();
  }

  @SimTest(name = "TestSpeed4B")
  @Points(4)
  void speed(Seed seed) {
    KvScenarios.speedTest(seed, "4B", MAXRAFTSTATE);
  }

  @SimTest(name = "TestSnapshotRecover4B")
  @Points(4)
  void snapshotRecover(Seed seed) {
    KvScenarios.genericTest(seed, PART.with(1, 5, false, true, false, false));
  }

  @SimTest(name = "TestSnapshotRecoverManyClients4B")
  @Points(4)
  void snapshotRecoverManyClients(Seed seed) {
    KvScenarios.genericTest(seed, PART.with(20, 5, false, true, false, false));
  }

  @SimTest(name = "TestSnapshotUnreliable4B")
  @Points(4)
  void snapshotUnreliable(Seed seed) {
    KvScenarios.genericTest(seed, PART.with(5, 5, true, false, false, false));
  }

  @SimTest(name = "TestSnapshotUnreliableRecover4B")
  @Points(4)
  void snapshotUnreliableRecover(Seed seed) {
    KvScenarios.genericTest(seed, PART.with(5, 5, true, true, false, false));
  }

  @SimTest(name = "TestSnapshotUnreliableRecoverConcurrentPartition4B")
  @Points(4)
  void snapshotUnreliableRecoverConcurrentPartition(Seed seed) {
    KvScenarios.genericTest(seed, PART.with(5, 5, true, true, true, false));
  }

  @SimTest(name = "TestSnapshotUnreliableRecoverConcurrentPartitionLinearizable4B")
  @Points(6)
  void snapshotUnreliableRecoverConcurrentPartitionLinearizable(Seed seed) {
    KvScenarios.genericTest(seed, PART.with(15, 7, true, true, true, true));
  }
}
