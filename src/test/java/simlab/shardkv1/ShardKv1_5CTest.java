package simlab.shardkv1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import simlab.kvsrv1.OneClientPut;
import simlab.kvsrv1.VersionedClerk;
import simlab.shardkv1.shardcfg.ShardConfig;
import simlab.sim.SimFuture;
import simlab.testing.Points;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/**
 * Lab 5C, 2025: concurrent controllers, and a partitioned controller that returns after another
 * finished its change.
 */
@Tag("2025-5C")
class ShardKv1_5CTest {
  static final int NCTRLER = 4;
  static final Duration CONCURRENT_FOR = Duration.ofSeconds(2);

  /**
   * 6.5840 {@code concurCtrler}: {@link #NCTRLER} controllers each loop for 2 s: a fresh
   * controller, initController, join a new group, and if it became a member, leave it again. Then
   * the configuration must be balanced over the groups that are members, every group that is not a
   * member is shut down, and every key must still read back.
   */
  private void concurCtrler(Seed seed, boolean reliable) {
    ShardKv1Fixture f = new ShardKv1Fixture(seed, reliable, -1);
    int gid1 = f.setupKvService();
    VersionedClerk ck = f.makeClerk();
    f.spreadPuts(ck, ShardKv1Fixture.NKEYS, ShardKv1Fixture.VALUE_SIZE);
    boolean[] stop = {false};
    int[] running = {NCTRLER};
    List<Integer> started = new ArrayList<>();
    for (int i = 0; i < NCTRLER; i++) {
      Runnable[] loop = new Runnable[1];
      loop[0] =
          () -> {
            if (stop[0]) {
              running[0]--;
              return;
            }
            ShardKv1Fixture.Ctrler c = f.makeCtrler();
            int ngid = f.newGid();
            started.add(ngid);
            c.sck()
                .initController()
                .onComplete(
                    v ->
                        f.join(c.sck(), ngid)
                            .onComplete(
                                j ->
                                    c.sck()
                                        .query()
                                        .onComplete(
                                            cfg -> {
                                              if (cfg.isMember(ngid)) {
                                                f.leave(c.sck(), ngid)
                                                    .onComplete(l -> loop[0].run());
                                              } else {
                                                loop[0].run();
                                              }
                                            })));
          };
      loop[0].run();
    }
    f.sleep(CONCURRENT_FOR);
    stop[0] = true;
    assertTrue(
        f.sim.runUntil(() -> running[0] == 0, ShardKv1Fixture.OP_TIMEOUT),
        "controllers did not finish their last change");
    ShardKv1Fixture.Ctrler last = f.makeCtrler();
    f.await(last.sck().initController(), "InitController");
    ShardConfig cfg = f.query(last.sck());
    assertEquals(null, cfg.checkConfig(cfg.gids()), "final configuration " + cfg);
    assertTrue(cfg.isMember(gid1) || !cfg.gids().isEmpty(), "no group left");
    for (int g : started) {
      if (!cfg.isMember(g)) {
        f.shutdownGroup(g);
      }
    }
    f.checkGets(ck);
    f.checkLinearizable();
    f.passed();
  }

  @SimTest(name = "TestConcurrentReliable5C")
  @Points(5)
  void concurrentReliable(Seed seed) {
    ShardKv1Fixture.begin("Test (5C): concurrent controllers (reliable network)");
    concurCtrler(seed, true);
  }

  @SimTest(name = "TestAcquireLockConcurrentUnreliable5C")
  @Points(5)
  void acquireLockConcurrentUnreliable(Seed seed) {
    ShardKv1Fixture.begin("Test (5C): concurrent controllers (unreliable network)");
    concurCtrler(seed, false);
  }

  @SimTest(name = "TestPartitionControllerJoin5C")
  @Points(5)
  void partitionControllerJoin(Seed seed) {
    ShardKv1Fixture.begin("Test (5C): partition a controller stuck in a join (reliable network)");
    ShardKv1Fixture f = new ShardKv1Fixture(seed, true, -1);
    f.setupKvService();
    VersionedClerk ck = f.makeClerk();
    f.spreadPuts(ck, ShardKv1Fixture.NKEYS, ShardKv1Fixture.VALUE_SIZE);
    ShardKv1Fixture.Ctrler a = f.makeCtrler();
    f.await(a.sck().initController(), "InitController of A");
    int num = f.query(a.sck()).num();
    int ngid = f.newGid();
    f.startGroup(ngid);
    f.shutdownGroup(ngid);
    SimFuture<Boolean> join = f.join(a.sck(), ngid);
    f.sleep(Duration.ofSeconds(1));
    assertFalse(join.isDone(), "join finished while group " + ngid + " is down");
    f.partition(a.node());
    f.sleep(Duration.ofSeconds(1));
    f.restartGroup(ngid);
    ShardKv1Fixture.Ctrler b = f.makeCtrler();
    f.await(b.sck().initController(), "InitController of B");
    ShardConfig cfg = f.query(b.sck());
    assertEquals(num + 1, cfg.num(), "B did not finish A's join");
    assertTrue(cfg.isMember(ngid), "group " + ngid + " is not a member after B's recovery");
    f.checkGets(ck);
    long reconnected = f.sim.nowNanos();
    f.reconnect(a.node());
    assertTrue(
        f.sim.runUntil(join::isDone, ShardKv1Fixture.OP_TIMEOUT),
        "the reconnected controller's join did not end");
    f.checkBailedOut(a, reconnected);
    assertEquals(cfg, f.query(b.sck()), "the reconnected controller changed the configuration");
    // B can still change the configuration after A returned.
    f.leaveGroups(b.sck(), List.of(ngid));
    f.checkGets(ck);
    f.checkLinearizable();
    f.passed();
  }

  private void partitionRecovery(Seed seed, boolean reliable, int partitions, int clerks) {
    ShardKv1Fixture f = new ShardKv1Fixture(seed, reliable, -1);
    f.setupKvService();
    VersionedClerk ck = f.makeClerk();
    f.spreadPuts(ck, ShardKv1Fixture.NKEYS, ShardKv1Fixture.VALUE_SIZE);
    List<OneClientPut> loops = clerks > 0 ? f.startPutLoops(clerks) : List.of();
    for (int i = 0; i < partitions; i++) {
      PartitionCtrler.run(f, ck, true, clerks > 0);
    }
    if (clerks > 0) {
      f.stopPutLoops(loops);
    } else {
      f.checkGets(ck);
    }
    f.checkLinearizable();
    f.passed();
  }

  @SimTest(name = "TestPartitionRecoveryReliableNoClerk5C")
  @Points(5)
  void partitionRecoveryReliableNoClerk(Seed seed) {
    ShardKv1Fixture.begin("Test (5C): controllers with leases, 5 partitions (reliable network)");
    partitionRecovery(seed, true, 5, 0);
  }

  @SimTest(name = "TestPartitionRecoveryUnreliableNoClerk5C")
  @Points(5)
  void partitionRecoveryUnreliableNoClerk(Seed seed) {
    ShardKv1Fixture.begin("Test (5C): controllers with leases, 3 partitions (unreliable network)");
    partitionRecovery(seed, false, 3, 0);
  }

  @SimTest(name = "TestPartitionRecoveryReliableClerks5C")
  @Points(5)
  void partitionRecoveryReliableClerks(Seed seed) {
    ShardKv1Fixture.begin("Test (5C): 5 partitions, 5 clerks (reliable network)");
    partitionRecovery(seed, true, 5, 5);
  }

  @SimTest(name = "TestPartitionRecoveryUnreliableClerks5C")
  @Points(5)
  void partitionRecoveryUnreliableClerks(Seed seed) {
    ShardKv1Fixture.begin("Test (5C): 3 partitions, 5 clerks (unreliable network)");
    partitionRecovery(seed, false, 3, 5);
  }
}
