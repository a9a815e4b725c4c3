package simlab.raft;

import static simlab.harness.RaftCluster.MAX_LOG_SIZE;
import static simlab.harness.RaftCluster.SNAPSHOT_INTERVAL;

import org.junit.jupiter.api.Tag;
import simlab.harness.RaftCluster;
import simlab.testing.Points;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/**
 * Lab 3D, log compaction: 6.5840's tests of the same names, in virtual time. The cluster uses the
 * snapshotting applier: every {@link RaftCluster#SNAPSHOT_INTERVAL} applied commands the tester
 * calls {@code Raft.snapshot}. Network polarity is 2024's: AllCrash and Init run on a reliable
 * network (2025 made them unreliable: Raft3D2025Test, tagged "2025-3D").
 */
@Tag("3D")
class Raft3DTest {

  @SimTest(name = "TestSnapshotBasic3D")
  @Points(3)
  void snapshotBasic(Seed seed) {
    snapcommon(seed, "Test (3D): snapshots basic", false, true, false);
  }

  @SimTest(name = "TestSnapshotInstall3D")
  @Points(4)
  void snapshotInstall(Seed seed) {
    snapcommon(seed, "Test (3D): install snapshots (disconnect)", true, true, false);
  }

  @SimTest(name = "TestSnapshotInstallUnreliable3D")
  @Points(4)
  void snapshotInstallUnreliable(Seed seed) {
    snapcommon(seed, "Test (3D): install snapshots (disconnect+unreliable)", true, false, false);
  }

  @SimTest(name = "TestSnapshotInstallCrash3D")
  @Points(4)
  void snapshotInstallCrash(Seed seed) {
    snapcommon(seed, "Test (3D): install snapshots (crash)", false, true, true);
  }

  @SimTest(name = "TestSnapshotInstallUnCrash3D")
  @Points(4)
  void snapshotInstallUnCrash(Seed seed) {
    snapcommon(seed, "Test (3D): install snapshots (unreliable+crash)", false, false, true);
  }

  private static void snapcommon(
      Seed seed, String name, boolean disconnect, boolean reliable, boolean crash) {
    int iters = 30;
    int servers = 3;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, reliable, true);
    cfg.begin(name);

    cfg.one(cfg.randInt(), servers, true);
    int leader1 = cfg.checkOneLeader();

    for (int i = 0; i < iters; i++) {
      int victim = (leader1 + 1) % servers;
      int sender = leader1;
      if (i % 3 == 1) {
        sender = (leader1 + 1) % servers;
        victim = leader1;
      }

      if (disconnect) {
        cfg.disconnect(victim);
        cfg.one(cfg.randInt(), servers - 1, true);
      }
      if (crash) {
        cfg.crash1(victim);
        cfg.one(cfg.randInt(), servers - 1, true);
      }

      // perhaps send enough to get a snapshot
      int nn = (SNAPSHOT_INTERVAL / 2) + cfg.random().nextInt(SNAPSHOT_INTERVAL);
      Raft rf = cfg.raft(sender);
      if (rf == null) {
        throw cfg.fatal("sender " + sender + " is not running");
      }
      for (int k = 0; k < nn; k++) {
        rf.start(cfg.randInt());
      }

      // let the appliers catch up with the Start()s
      if (!disconnect && !crash) {
        // make sure all followers caught up, so TestSnapshotBasic3D needs no InstallSnapshot
        cfg.one(cfg.randInt(), servers, true);
      } else {
        cfg.one(cfg.randInt(), servers - 1, true);
      }

      if (cfg.logSize() >= MAX_LOG_SIZE) {
        throw cfg.fatal("Log size too large");
      }
      if (disconnect) {
        // reconnect a follower, which may be behind and need a snapshot to catch up
        cfg.connect(victim);
        cfg.one(cfg.randInt(), servers, true);
        leader1 = cfg.checkOneLeader();
      }
      if (crash) {
        cfg.start1(victim);
        cfg.connect(victim);
        cfg.one(cfg.randInt(), servers, true);
        leader1 = cfg.checkOneLeader();
      }
    }
    cfg.end();
  }

  /** Do servers persist their snapshots and restart from snapshot plus log tail? */
  @SimTest(name = "TestSnapshotAllCrash3D")
  @Points(3)
  void snapshotAllCrash(Seed seed) {
    snapshotAllCrash(seed, true);
  }

  /** The body of TestSnapshotAllCrash3D; 2025 runs it on an unreliable network. */
  static void snapshotAllCrash(Seed seed, boolean reliable) {
    int servers = 3;
    int iters = 5;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, reliable, true);
    cfg.begin("Test (3D): crash and restart all servers" + network(reliable));

    cfg.one(cfg.randInt(), servers, true);

    for (int i = 0; i < iters; i++) {
      // perhaps enough to get a snapshot
      int nn = (SNAPSHOT_INTERVAL / 2) + cfg.random().nextInt(SNAPSHOT_INTERVAL);
      for (int k = 0; k < nn; k++) {
        cfg.one(cfg.randInt(), servers, true);
      }

      int index1 = cfg.one(cfg.randInt(), servers, true);

      cfg.crashAndReviveAll();

      int index2 = cfg.one(cfg.randInt(), servers, true);
      if (index2 < index1 + 1) {
        throw cfg.fatal("index decreased from " + index1 + " to " + index2);
      }
    }
    cfg.end();
  }

  /** Do servers initialise their in-memory copy of the snapshot, so later saves keep it? */
  @SimTest(name = "TestSnapshotInit3D")
  @Points(3)
  void snapshotInit(Seed seed) {
    snapshotInit(seed, true);
  }

  /** The body of TestSnapshotInit3D; 2025 runs it on an unreliable network. */
  static void snapshotInit(Seed seed, boolean reliable) {
    int servers = 3;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, reliable, true);
    cfg.begin("Test (3D): snapshot initialization after crash" + network(reliable));
    cfg.one(cfg.randInt(), servers, true);

    // enough ops to make a snapshot
    int nn = SNAPSHOT_INTERVAL + 1;
    for (int i = 0; i < nn; i++) {
      cfg.one(cfg.randInt(), servers, true);
    }

    cfg.crashAndReviveAll();

    // a single op, to get something written back to persistent storage
    cfg.one(cfg.randInt(), servers, true);

    cfg.crashAndReviveAll();

    // another op, to trigger the potential bug
    cfg.one(cfg.randInt(), servers, true);
    cfg.end();
  }

  /** 2024's titles name no network; 2025's unreliable variants say so. */
  private static String network(boolean reliable) {
    return reliable ? "" : " (unreliable network)";
  }
}
