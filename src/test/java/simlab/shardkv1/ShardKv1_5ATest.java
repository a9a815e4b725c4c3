package simlab.shardkv1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import simlab.kvsrv1.GetResult;
import simlab.kvsrv1.OneClientPut;
import simlab.kvsrv1.VersionedClerk;
import simlab.shardkv1.shardcfg.ShardConfig;
import simlab.shardkv1.shardctrler.ShardCtrler;
import simlab.sim.SimFuture;
import simlab.testing.Points;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/**
 * Lab 5A, 2025 (6.5840 {@code shardkv1/shardkv_test.go}): a static controller moving shards between
 * groups. Concurrency maps to interleaving: each 6.5840 goroutine is a client node or a chain of
 * futures.
 */
@Tag("2025-5A")
class ShardKv1_5ATest {

  @SimTest(name = "TestInitQuery5A")
  @Points(2)
  void initQuery(Seed seed) {
    ShardKv1Fixture.begin("Test (5A): Init and Query (reliable network)");
    ShardKv1Fixture f = new ShardKv1Fixture(seed, true, -1);
    int gid1 = f.setupKvService();
    ShardConfig cfg = f.query(f.sck());
    assertEquals(ShardConfig.NUM_FIRST, cfg.num(), "config num");
    assertEquals(gid1, cfg.shard(0), "shard 0's group");
    f.passed();
  }

  @SimTest(name = "TestStaticOneShardGroup5A")
  @Points(3)
  void staticOneShardGroup(Seed seed) {
    ShardKv1Fixture.begin("Test (5A): one shard group (reliable network)");
    ShardKv1Fixture f = new ShardKv1Fixture(seed, true, -1);
    int gid1 = f.setupKvService();
    VersionedClerk ck = f.makeClerk();
    f.spreadPuts(ck, ShardKv1Fixture.NKEYS, ShardKv1Fixture.VALUE_SIZE);
    // 6.5840 2025 calls this disconnectClntFromLeader, but it shuts the leader down.
    String leader = f.leaderOf(gid1);
    assertNotNull(leader, "group " + gid1 + " has no leader");
    f.sim.annotate("shutdown leader " + leader);
    f.sim.crash(leader);
    f.checkGets(ck);
    f.checkLinearizable();
    f.passed();
  }

  @SimTest(name = "TestJoinBasic5A")
  @Points(3)
  void joinBasic(Seed seed) {
    ShardKv1Fixture.begin("Test (5A): a group joins (reliable network)");
    ShardKv1Fixture f = new ShardKv1Fixture(seed, true, -1);
    int gid1 = f.setupKvService();
    VersionedClerk ck = f.makeClerk();
    f.spreadPuts(ck, ShardKv1Fixture.NKEYS, ShardKv1Fixture.VALUE_SIZE);
    ShardCtrler sck = f.sck();
    ShardConfig cfg = f.query(sck);
    int gid2 = f.newGid();
    f.joinGroups(sck, List.of(gid2));
    ShardConfig cfg1 = f.query(sck);
    assertEquals(cfg.num() + 1, cfg1.num(), "config num after the join");
    assertTrue(cfg1.isMember(gid2), "gid2 is not a member");
    f.checkGets(ck);
    f.checkShutdownSharding(gid1);
    f.checkGets(ck);
    f.checkShutdownSharding(gid2);
    f.checkGets(ck);
    f.checkLinearizable();
    f.passed();
  }

  /** The most bytes any server of {@code gid} holds in its snapshot. */
  private static long snapshotSize(ShardKv1Fixture f, int gid) {
    long max = 0;
    for (String s : f.servers(gid)) {
      max = Math.max(max, f.sim.persister(s).snapshotSize());
    }
    return max;
  }

  @SimTest(name = "TestDeleteBasic5A")
  @Points(3)
  void deleteBasic(Seed seed) {
    ShardKv1Fixture.begin("Test (5A): delete (reliable network)");
    final int maxRaftState = 10000;
    ShardKv1Fixture f = new ShardKv1Fixture(seed, true, maxRaftState);
    int gid1 = f.setupKvService();
    VersionedClerk ck = f.makeClerk();
    f.spreadPuts(ck, ShardKv1Fixture.NKEYS, 1000);
    long sz = snapshotSize(f, gid1);
    int gid2 = f.newGid();
    f.joinGroups(f.sck(), List.of(gid2));
    // rounds of Gets so both groups' logs grow and they snapshot again
    for (int i = 0; i < 5; i++) {
      f.checkGets(ck);
    }
    long sz1 = snapshotSize(f, gid1);
    long sz2 = snapshotSize(f, gid2);
    assertTrue(
        sz1 + sz2 <= sz + maxRaftState,
        "gid1 "
            + sz1
            + " + gid2 "
            + sz2
            + " bytes of snapshot > "
            + sz
            + " + "
            + maxRaftState
            + ": moved shards were not deleted");
    f.checkLinearizable();
    f.passed();
  }

  @SimTest(name = "TestJoinLeaveBasic5A")
  @Points(3)
  void joinLeaveBasic(Seed seed) {
    ShardKv1Fixture.begin("Test (5A): a group joins and leaves (reliable network)");
    ShardKv1Fixture f = new ShardKv1Fixture(seed, true, -1);
    int gid1 = f.setupKvService();
    VersionedClerk ck = f.makeClerk();
    f.spreadPuts(ck, ShardKv1Fixture.NKEYS, ShardKv1Fixture.VALUE_SIZE);
    ShardCtrler sck = f.sck();
    int gid2 = f.newGid();
    f.joinGroups(sck, List.of(gid2));
    f.checkShutdownSharding(gid1);
    f.checkGets(ck);
    f.leaveGroups(sck, List.of(gid1));
    f.checkGets(ck);
    f.shutdownGroup(gid1);
    f.checkGets(ck); // gid2 serves every shard now
    f.restartGroup(gid1);
    f.joinGroups(sck, List.of(gid1));
    f.checkShutdownSharding(gid2);
    f.checkGets(ck);
    f.checkLinearizable();
    f.passed();
  }

  private void manyJoinLeave(Seed seed, boolean reliable) {
    ShardKv1Fixture f = new ShardKv1Fixture(seed, reliable, -1);
    int gid1 = f.setupKvService();
    VersionedClerk ck = f.makeClerk();
    f.spreadPuts(ck, ShardKv1Fixture.NKEYS, ShardKv1Fixture.VALUE_SIZE);
    List<Integer> gids = new ArrayList<>();
    for (int i = 0; i < ShardKv1Fixture.NGRP; i++) {
      gids.add(f.newGid());
    }
    f.joinGroups(f.sck(), gids);
    List<Integer> members = new ArrayList<>(gids);
    members.add(0, gid1);
    f.checkConfig(f.sck(), members);
    f.checkGets(ck);
    f.leaveGroups(f.sck(), gids);
    f.checkConfig(f.sck(), List.of(gid1));
    f.checkGets(ck);
    f.checkLinearizable();
    f.passed();
  }

  @SimTest(name = "TestManyJoinLeaveReliable5A")
  @Points(3)
  void manyJoinLeaveReliable(Seed seed) {
    ShardKv1Fixture.begin("Test (5A): many groups join and leave (reliable network)");
    manyJoinLeave(seed, true);
  }

  @SimTest(name = "TestManyJoinLeaveUnreliable5A")
  @Points(3)
  void manyJoinLeaveUnreliable(Seed seed) {
    ShardKv1Fixture.begin("Test (5A): many groups join and leave (unreliable network)");
    manyJoinLeave(seed, false);
  }

  @SimTest(name = "TestShutdown5A")
  @Points(3)
  void shutdown(Seed seed) {
    ShardKv1Fixture.begin("Test (5A): shutdown and restart every group (reliable network)");
    ShardKv1Fixture f = new ShardKv1Fixture(seed, true, -1);
    int gid1 = f.setupKvService();
    VersionedClerk ck = f.makeClerk();
    f.spreadPuts(ck, ShardKv1Fixture.NKEYS, ShardKv1Fixture.VALUE_SIZE);
    int gid2 = f.newGid();
    int gid3 = f.newGid();
    f.joinGroups(f.sck(), List.of(gid2, gid3));
    for (int g : List.of(gid1, gid2, gid3)) {
      f.shutdownGroup(g);
    }
    for (int g : List.of(gid1, gid2, gid3)) {
      f.restartGroup(g);
    }
    f.checkGets(ck);
    f.checkLinearizable();
    f.passed();
  }

  @SimTest(name = "TestProgressShutdown5A")
  @Points(3)
  void progressShutdown(Seed seed) {
    ShardKv1Fixture.begin("Test (5A): progress with groups down (reliable network)");
    ShardKv1Fixture f = new ShardKv1Fixture(seed, true, -1);
    f.setupKvService();
    VersionedClerk ck = f.makeClerk();
    f.spreadPuts(ck, ShardKv1Fixture.NKEYS, ShardKv1Fixture.VALUE_SIZE);
    List<Integer> gids = List.of(f.newGid(), f.newGid(), f.newGid(), f.newGid());
    f.joinGroups(f.sck(), gids);
    f.shutdownGroup(gids.get(0));
    f.shutdownGroup(gids.get(1));
    ShardConfig cfg = f.query(f.sck());
    List<SimFuture<GetResult>> gets = new ArrayList<>();
    for (int i = 0; i < f.ka.length; i++) {
      int g = cfg.gidOf(f.ka[i]);
      if (g != gids.get(0) && g != gids.get(1)) {
        gets.add(f.makeUnrecordedClerk().get(f.ka[i]));
      }
    }
    assertTrue(!gets.isEmpty(), "every key is on a group that is down");
    boolean all =
        f.sim.runUntil(() -> gets.stream().allMatch(SimFuture::isDone), Duration.ofSeconds(2));
    assertTrue(all, "Gets on live groups did not finish within 2 s");
    f.passed();
  }

  /**
   * Pause between the Gets of TestProgressJoin5A: a Get takes under a millisecond of virtual time,
   * so unpaced the loop would make ~10,000 Gets in 4 s; paced, up to ~400, still 4x the bar.
   */
  static final Duration GET_PAUSE = Duration.ofMillis(10);

  @SimTest(name = "TestProgressJoin5A")
  @Points(3)
  void progressJoin(Seed seed) {
    ShardKv1Fixture.begin("Test (5A): progress of Gets during joins and leaves (reliable network)");
    ShardKv1Fixture f = new ShardKv1Fixture(seed, true, -1);
    int gid1 = f.setupKvService();
    VersionedClerk ck = f.makeClerk();
    f.spreadPuts(ck, ShardKv1Fixture.NKEYS, ShardKv1Fixture.VALUE_SIZE);
    int gid2 = f.newGid();
    f.joinGroups(f.sck(), List.of(gid2));
    // The shards the join/leave loop can ever move (the balance is deterministic: replay it).
    int ngid = f.newGid();
    ShardConfig c = f.query(f.sck());
    Set<Integer> moving = new TreeSet<>();
    for (int i = 0; i < 20; i++) {
      ShardConfig j = c.copy();
      j.joinBalance(Map.of(ngid, f.servers(ngid)));
      ShardConfig l = j.copy();
      l.leaveBalance(List.of(ngid));
      for (int s = 0; s < ShardConfig.NSHARDS; s++) {
        if (c.shard(s) != j.shard(s) || j.shard(s) != l.shard(s)) {
          moving.add(s);
        }
      }
      c = l;
    }
    List<String> stable = new ArrayList<>();
    for (String k : f.ka) {
      if (!moving.contains(ShardConfig.key2Shard(k))) {
        stable.add(k);
      }
    }
    assertTrue(!stable.isEmpty(), "every shard moves");
    // The controller loop: join ngid, leave it, again, until told to stop.
    boolean[] stop = {false};
    ShardCtrler sck = f.sck();
    Runnable[] cycle = new Runnable[1];
    cycle[0] =
        () -> {
          if (stop[0]) {
            return;
          }
          f.join(sck, ngid).onComplete(a -> f.leave(sck, ngid).onComplete(b -> cycle[0].run()));
        };
    cycle[0].run();
    long start = f.sim.now().toMillis();
    int done = 0;
    VersionedClerk ck2 = f.makeUnrecordedClerk();
    while (f.sim.now().toMillis() - start < 4000) {
      String k = stable.get(f.rand.nextInt(stable.size()));
      f.await(ck2.get(k), "Get(" + k + ")");
      done++;
      f.sleep(GET_PAUSE);
      if (f.sim.now().toMillis() - start > 8000) {
        throw new AssertionError("Gets made too little progress within 8 s");
      }
    }
    assertTrue(done >= 100, "only " + done + " Gets finished in 4 s on shards that do not move");
    stop[0] = true;
    f.sleep(Duration.ofSeconds(1));
    f.checkGets(ck);
    f.checkLinearizable();
    f.passed();
  }

  private void concurrentClerk(Seed seed, boolean reliable, int nclerks) {
    ShardKv1Fixture f = new ShardKv1Fixture(seed, reliable, -1);
    f.setupKvService();
    VersionedClerk ck = f.makeClerk();
    f.spreadPuts(ck, ShardKv1Fixture.NKEYS, ShardKv1Fixture.VALUE_SIZE);
    List<OneClientPut> loops = f.startPutLoops(nclerks);
    List<Integer> gids = new ArrayList<>();
    for (int i = 0; i < ShardKv1Fixture.NGRP; i++) {
      gids.add(f.newGid());
    }
    long start = f.sim.now().toMillis();
    f.joinGroups(f.sck(), gids);
    f.leaveGroups(f.sck(), gids);
    long left = 20_000 - (f.sim.now().toMillis() - start);
    if (left > 0) {
      f.sleep(Duration.ofMillis(left));
    }
    f.stopPutLoops(loops);
    f.checkLinearizable();
    f.passed();
  }

  @SimTest(name = "TestOneConcurrentClerkReliable5A")
  @Points(3)
  void oneConcurrentClerkReliable(Seed seed) {
    ShardKv1Fixture.begin("Test (5A): one concurrent clerk (reliable network)");
    concurrentClerk(seed, true, 1);
  }

  @SimTest(name = "TestManyConcurrentClerkReliable5A")
  @Points(3)
  void manyConcurrentClerkReliable(Seed seed) {
    ShardKv1Fixture.begin("Test (5A): many concurrent clerks (reliable network)");
    concurrentClerk(seed, true, 10);
  }

  @SimTest(name = "TestOneConcurrentClerkUnreliable5A")
  @Points(3)
  void oneConcurrentClerkUnreliable(Seed seed) {
    ShardKv1Fixture.begin("Test (5A): one concurrent clerk (unreliable network)");
    concurrentClerk(seed, false, 1);
  }

  @SimTest(name = "TestManyConcurrentClerkUnreliable5A")
  @Points(3)
  void manyConcurrentClerkUnreliable(Seed seed) {
    ShardKv1Fixture.begin("Test (5A): many concurrent clerks (unreliable network)");
    concurrentClerk(seed, false, 10);
  }
}
