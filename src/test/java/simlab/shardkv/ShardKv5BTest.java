package simlab.shardkv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import simlab.harness.ClientLoop;
import simlab.shardctrler.Config;
import simlab.testing.Points;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/**
 * Lab 5B (6.5840 2024 {@code shardkv/test_test.go}): shard movement, snapshots, restarts,
 * unreliable networks and the two challenges. Beyond 6.5840, every test also checks its recorded
 * client history for linearizability (6.5840 does so only in Unreliable3).
 */
@Tag("5B")
class ShardKv5BTest {

  @SimTest(name = "TestJoinLeave5B")
  @Points(5)
  void joinLeave(Seed seed) {
    ShardKvFixture.begin("B join then leave");
    ShardKvFixture f = new ShardKvFixture(seed, false, -1);
    ShardKvClerk ck = f.cfg.makeClient();
    f.cfg.join(0);
    f.putKeys(ck, 10, 5);
    f.checkAll(ck);
    f.cfg.join(1);
    f.checkAndAppendAll(ck, 5);
    f.cfg.leave(0);
    f.checkAndAppendAll(ck, 5);
    f.sleep(Duration.ofSeconds(1)); // allow time for shards to transfer
    f.cfg.checkLogs();
    f.cfg.shutdownGroup(0);
    f.checkAll(ck);
    f.checkLinearizable();
    ShardKvFixture.passed();
  }

  @SimTest(name = "TestSnapshot5B")
  @Points(5)
  void snapshot(Seed seed) {
    ShardKvFixture.begin("B snapshots, join, and leave");
    ShardKvFixture f = new ShardKvFixture(seed, false, 1000);
    ShardKvClerk ck = f.cfg.makeClient();
    f.cfg.join(0);
    f.putKeys(ck, 30, 20);
    f.checkAll(ck);
    f.cfg.join(1);
    f.cfg.join(2);
    f.cfg.leave(0);
    f.checkAndAppendAll(ck, 20);
    f.cfg.leave(1);
    f.cfg.join(0);
    f.checkAndAppendAll(ck, 20);
    f.sleep(Duration.ofSeconds(1));
    f.checkAll(ck);
    f.sleep(Duration.ofSeconds(1));
    f.cfg.checkLogs();
    for (int g = 0; g < 3; g++) {
      f.cfg.shutdownGroup(g);
    }
    for (int g = 0; g < 3; g++) {
      f.cfg.startGroup(g);
    }
    f.checkAll(ck);
    f.checkLinearizable();
    ShardKvFixture.passed();
  }

  @SimTest(name = "TestMissChange5B")
  @Points(5)
  void missChange(Seed seed) {
    ShardKvFixture.begin("B servers miss configuration changes");
    ShardKvFixture f = new ShardKvFixture(seed, false, 1000);
    ShardKvClerk ck = f.cfg.makeClient();
    f.cfg.join(0);
    f.putKeys(ck, 10, 20);
    f.checkAll(ck);
    f.cfg.join(1);
    for (int g = 0; g < 3; g++) {
      f.cfg.shutdownServer(g, 0);
    }
    f.cfg.join(2);
    f.cfg.leave(1);
    f.cfg.leave(0);
    f.checkAndAppendAll(ck, 20);
    f.cfg.join(1);
    f.checkAndAppendAll(ck, 20);
    for (int g = 0; g < 3; g++) {
      f.cfg.startServer(g, 0);
    }
    f.checkAndAppendAll(ck, 20);
    f.sleep(Duration.ofSeconds(2));
    for (int g = 0; g < 3; g++) {
      f.cfg.shutdownServer(g, 1);
    }
    f.cfg.join(0);
    f.cfg.leave(2);
    f.checkAndAppendAll(ck, 20);
    for (int g = 0; g < 3; g++) {
      f.cfg.startServer(g, 1);
    }
    f.checkAll(ck);
    f.checkLinearizable();
    ShardKvFixture.passed();
  }

  @SimTest(name = "TestConcurrent1_5B")
  @Points(5)
  void concurrent1(Seed seed) {
    ShardKvFixture.begin("B concurrent puts and configuration changes");
    ShardKvFixture f = new ShardKvFixture(seed, false, 100);
    ShardKvClerk ck = f.cfg.makeClient();
    f.cfg.join(0);
    f.putKeys(ck, 10, 5);
    List<ClientLoop> loops = f.startAppenders(5, Duration.ofMillis(10));

    f.sleepMs(150);
    f.cfg.join(1);
    f.sleepMs(500);
    f.cfg.join(2);
    f.sleepMs(500);
    f.cfg.leave(0);

    f.cfg.shutdownGroup(0);
    f.sleepMs(100);
    f.cfg.shutdownGroup(1);
    f.sleepMs(100);
    f.cfg.shutdownGroup(2);

    f.cfg.leave(2);

    f.sleepMs(100);
    f.cfg.startGroup(0);
    f.cfg.startGroup(1);
    f.cfg.startGroup(2);

    f.sleepMs(100);
    f.cfg.join(0);
    f.cfg.leave(1);
    f.sleepMs(500);
    f.cfg.join(1);

    f.sleep(Duration.ofSeconds(1));
    f.stopAll(loops);
    f.checkAll(ck);
    f.checkLinearizable();
    ShardKvFixture.passed();
  }

  /**
   * Tests the various sources from which a re-starting group might need to fetch shard contents.
   */
  @SimTest(name = "TestConcurrent2_5B")
  @Points(5)
  void concurrent2(Seed seed) {
    ShardKvFixture.begin("B more concurrent puts and configuration changes");
    ShardKvFixture f = new ShardKvFixture(seed, false, -1);
    ShardKvClerk ck = f.cfg.makeClient();
    f.cfg.join(1);
    f.cfg.join(0);
    f.cfg.join(2);
    f.putKeys(ck, 10, 1);
    List<ClientLoop> loops = f.startAppenders(1, Duration.ofMillis(50));

    f.cfg.leave(0);
    f.cfg.leave(2);
    f.sleepMs(3000);
    f.cfg.join(0);
    f.cfg.join(2);
    f.cfg.leave(1);
    f.sleepMs(3000);
    f.cfg.join(1);
    f.cfg.leave(0);
    f.cfg.leave(2);
    f.sleepMs(3000);

    f.cfg.shutdownGroup(1);
    f.cfg.shutdownGroup(2);
    f.sleepMs(1000);
    f.cfg.startGroup(1);
    f.cfg.startGroup(2);

    f.sleep(Duration.ofSeconds(2));
    f.stopAll(loops);
    f.checkAll(ck);
    f.checkLinearizable();
    ShardKvFixture.passed();
  }

  static final Duration CONCURRENT3_PAUSE = Duration.ofMillis(10);

  @SimTest(name = "TestConcurrent3_5B")
  @Points(5)
  void concurrent3(Seed seed) {
    ShardKvFixture.begin("B concurrent configuration change and restart");
    ShardKvFixture f = new ShardKvFixture(seed, false, 300);
    ShardKvClerk ck = f.cfg.makeClient();
    f.cfg.join(0);
    f.putKeys(ck, 10, 1);
    // 6.5840's appenders here do not pause. In virtual time a reliable-network operation
    // takes well under a millisecond, so unpaced clients complete ~200,000 appends in the
    // 14 s (Go clients manage a few thousand), which costs minutes of CPU in snapshots and
    // history checking. A 10 ms pause (as in Concurrent1) keeps the scenario and its
    // concurrency with thousands of operations.
    List<ClientLoop> loops = f.startAppenders(1, CONCURRENT3_PAUSE);

    long t0 = f.sim.nowNanos();
    while (f.sim.nowNanos() - t0 < Duration.ofSeconds(12).toNanos()) {
      f.cfg.join(2);
      f.cfg.join(1);
      f.sleepMs(f.rand.nextInt(900));
      for (int g = 0; g < 3; g++) {
        f.cfg.shutdownGroup(g);
      }
      for (int g = 0; g < 3; g++) {
        f.cfg.startGroup(g);
      }
      f.sleepMs(f.rand.nextInt(900));
      f.cfg.leave(1);
      f.cfg.leave(2);
      f.sleepMs(f.rand.nextInt(900));
    }

    f.sleep(Duration.ofSeconds(2));
    f.stopAll(loops);
    f.checkAll(ck);
    f.checkLinearizable();
    ShardKvFixture.passed();
  }

  @SimTest(name = "TestUnreliable1_5B")
  @Points(5)
  void unreliable1(Seed seed) {
    ShardKvFixture.begin("B unreliable 1");
    ShardKvFixture f = new ShardKvFixture(seed, true, 100);
    ShardKvClerk ck = f.cfg.makeClient();
    f.cfg.join(0);
    f.putKeys(ck, 10, 5);
    f.cfg.join(1);
    f.cfg.join(2);
    f.cfg.leave(0);
    int n = f.ka.length;
    for (int ii = 0; ii < n * 2; ii++) {
      int i = ii % n;
      f.check(ck, f.ka[i], f.va[i]);
      String x = f.randstring(5);
      f.append(0, ck, f.ka[i], x);
      f.va[i] += x;
    }
    f.cfg.join(0);
    f.cfg.leave(1);
    for (int ii = 0; ii < n * 2; ii++) {
      int i = ii % n;
      f.check(ck, f.ka[i], f.va[i]);
    }
    f.checkLinearizable();
    ShardKvFixture.passed();
  }

  /** The join/leave schedule of Unreliable2 and Unreliable3. */
  private static void unreliableSchedule(ShardKvFixture f) {
    f.sleepMs(150);
    f.cfg.join(1);
    f.sleepMs(500);
    f.cfg.join(2);
    f.sleepMs(500);
    f.cfg.leave(0);
    f.sleepMs(500);
    f.cfg.leave(1);
    f.sleepMs(500);
    f.cfg.join(1);
    f.cfg.join(0);
    f.sleep(Duration.ofSeconds(2));
  }

  @SimTest(name = "TestUnreliable2_5B")
  @Points(5)
  void unreliable2(Seed seed) {
    ShardKvFixture.begin("B unreliable 2");
    ShardKvFixture f = new ShardKvFixture(seed, true, 100);
    ShardKvClerk ck = f.cfg.makeClient();
    f.cfg.join(0);
    f.putKeys(ck, 10, 5);
    List<ClientLoop> loops = f.startAppenders(5, Duration.ZERO);
    unreliableSchedule(f);
    f.sim.network().setReliable(true);
    f.stopAll(loops);
    f.checkAll(ck);
    f.checkLinearizable();
    ShardKvFixture.passed();
  }

  @SimTest(name = "TestUnreliable3_5B")
  @Points(5)
  void unreliable3(Seed seed) {
    ShardKvFixture.begin("B unreliable 3");
    ShardKvFixture f = new ShardKvFixture(seed, true, 100);
    ShardKvClerk ck = f.cfg.makeClient();
    f.cfg.join(0);
    f.putKeys(ck, 10, 5);
    int n = f.ka.length;
    // Random operations over the 10 keys: 50% Append, else 10% Put, else Get (6.5840's mix).
    List<ClientLoop> loops =
        f.startLoops(
            n,
            i -> {
              ShardKvClerk ck1 = f.cfg.makeClient();
              return new ClientLoop(
                  f.sim,
                  Duration.ZERO,
                  () -> {
                    String key = f.ka[f.rand.nextInt(n)];
                    String nv = f.randstring(5);
                    if (f.rand.nextInt(1000) < 500) {
                      return f.history.append(i + 1, ck1, key, nv);
                    } else if (f.rand.nextInt(1000) < 100) {
                      return f.history.put(i + 1, ck1, key, nv);
                    }
                    return f.history.get(i + 1, ck1, key);
                  });
            });
    unreliableSchedule(f);
    f.sim.network().setReliable(true);
    f.stopAll(loops);
    f.checkLinearizable();
    ShardKvFixture.passed();
  }

  /** Challenge 1: servers delete shards they no longer own once the new owner has them. */
  @SimTest(name = "TestChallenge1Delete")
  @Points(5)
  void challenge1Delete(Seed seed) {
    System.out.println("Test: shard deletion (challenge 1) ...");
    ShardKvFixture f = new ShardKvFixture(seed, false, 1); // "1": snapshot after every log entry
    ShardKvClerk ck = f.cfg.makeClient();
    f.cfg.join(0);
    int n = 30;
    f.putKeys(ck, n, 1000); // 30,000 bytes of values
    for (int i = 0; i < 3; i++) {
      f.check(ck, f.ka[i], f.va[i]);
    }
    for (int iters = 0; iters < 2; iters++) {
      f.cfg.join(1);
      f.cfg.leave(0);
      f.cfg.join(2);
      f.sleepMs(3000);
      for (int i = 0; i < 3; i++) {
        f.check(ck, f.ka[i], f.va[i]);
      }
      f.cfg.leave(1);
      f.cfg.join(0);
      f.cfg.leave(2);
      f.sleepMs(3000);
      for (int i = 0; i < 3; i++) {
        f.check(ck, f.ka[i], f.va[i]);
      }
    }
    f.cfg.join(1);
    f.cfg.join(2);
    for (int round = 0; round < 3; round++) {
      f.sleepMs(1000);
      for (int i = 0; i < 3; i++) {
        f.check(ck, f.ka[i], f.va[i]);
      }
    }
    long total = f.cfg.totalStorage();
    // 27 keys stored once, 3 keys also in client dup tables, everything on 3 replicas, plus slop.
    long expected = 3L * (((n - 3) * 1000) + 2 * 3 * 1000 + 6000);
    assertTrue(
        total <= expected,
        "snapshot + persisted Raft state are too big: " + total + " > " + expected);
    System.out.println(
        "  ... snapshot + persisted Raft state: " + total + " bytes (limit " + expected + ")");
    f.checkAll(ck);
    f.checkLinearizable();
    ShardKvFixture.passed();
  }

  /** Challenge 2: shards not affected by a configuration change keep being served during it. */
  @SimTest(name = "TestChallenge2Unaffected")
  @Points(5)
  void challenge2Unaffected(Seed seed) {
    System.out.println("Test: unaffected shard access (challenge 2) ...");
    ShardKvFixture f = new ShardKvFixture(seed, true, 100);
    ShardKvClerk ck = f.cfg.makeClient();
    f.cfg.join(0);
    int n = 10;
    f.ka = new String[n];
    f.va = new String[n];
    for (int i = 0; i < n; i++) {
      f.ka[i] = Integer.toString(i);
      f.va[i] = "100";
      f.put(0, ck, f.ka[i], f.va[i]);
    }
    f.cfg.join(1);
    Config c = f.sim.await(f.cfg.mck().query(-1), Duration.ofSeconds(30)).orElseThrow();
    boolean[] owned = new boolean[Config.NSHARDS];
    for (int s = 0; s < Config.NSHARDS; s++) {
      owned[s] = c.gidOf(s) == f.cfg.gid(1);
    }
    // Wait for the migration to finish and clients to use the new config.
    f.sleepMs(1000);
    for (int i = 0; i < n; i++) {
      if (owned[i]) {
        f.va[i] = "101";
        f.put(0, ck, f.ka[i], f.va[i]);
      }
    }
    f.cfg.shutdownGroup(0);
    f.cfg.leave(0); // 101 cannot migrate what 100 owned
    f.sleepMs(1000);
    for (int i = 0; i < n; i++) {
      int shard = ShardKvFactory.key2shard(f.ka[i]);
      if (owned[shard]) {
        f.check(ck, f.ka[i], f.va[i]);
        f.put(0, ck, f.ka[i], f.va[i] + "-1");
        f.check(ck, f.ka[i], f.va[i] + "-1");
      }
    }
    f.checkLinearizable();
    ShardKvFixture.passed();
  }

  /**
   * Challenge 2: a group serves a shard as soon as it has it, even while other shards still
   * migrate.
   */
  @SimTest(name = "TestChallenge2Partial")
  @Points(5)
  void challenge2Partial(Seed seed) {
    System.out.println("Test: partial migration shard access (challenge 2) ...");
    ShardKvFixture f = new ShardKvFixture(seed, true, 100);
    ShardKvClerk ck = f.cfg.makeClient();
    f.cfg.joinm(List.of(0, 1, 2), f.cfg.ctl());
    f.sleepMs(1000);
    int n = 10;
    f.ka = new String[n];
    f.va = new String[n];
    for (int i = 0; i < n; i++) {
      f.ka[i] = Integer.toString(i);
      f.va[i] = "100";
      f.put(0, ck, f.ka[i], f.va[i]);
    }
    Config c = f.sim.await(f.cfg.mck().query(-1), Duration.ofSeconds(30)).orElseThrow();
    boolean[] owned = new boolean[Config.NSHARDS];
    for (int s = 0; s < Config.NSHARDS; s++) {
      owned[s] = c.gidOf(s) == f.cfg.gid(2);
    }
    f.cfg.shutdownGroup(0);
    // 101 can get 102's old shards but not 100's; it must serve 102's as soon as it has them.
    f.cfg.leavem(List.of(0, 2));
    f.sleepMs(1000);
    int checked = 0;
    for (int i = 0; i < n; i++) {
      int shard = ShardKvFactory.key2shard(f.ka[i]);
      if (owned[shard]) {
        f.check(ck, f.ka[i], f.va[i]);
        f.put(0, ck, f.ka[i], f.va[i] + "-2");
        f.check(ck, f.ka[i], f.va[i] + "-2");
        checked++;
      }
    }
    assertTrue(checked > 0, "group 102 owned no key's shard; the test checked nothing");
    f.checkLinearizable();
    ShardKvFixture.passed();
  }
}
