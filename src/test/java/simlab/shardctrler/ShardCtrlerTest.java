package simlab.shardctrler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import simlab.harness.CtrlerCluster;
import simlab.harness.ShardImplementations;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;
import simlab.testing.Points;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/**
 * Lab 5A, the shard controller (6.5840 2024 {@code shardctrler/test_test.go}): 3 replicas, reliable
 * network. Each 6.5840 sub-test prints its "Test: ..." and " ... Passed" lines.
 */
@Tag("5A")
class ShardCtrlerTest {
  private static final int NSERVERS = 3;
  private static final int NPARA = 10;

  private Simulation sim;
  private CtrlerCluster cfg;

  private ShardCtrlerClerk setUp(Seed seed) {
    sim = seed.newSimulation();
    cfg =
        new CtrlerCluster(
            sim, "ctrler", NSERVERS, ShardImplementations.raft(), ShardImplementations.ctrler());
    return cfg.makeClerk();
  }

  private Config query(ShardCtrlerClerk ck, int num) {
    return CtrlerCluster.query(sim, ck, num);
  }

  private void join(ShardCtrlerClerk ck, Map<Integer, List<String>> m) {
    CtrlerCluster.join(sim, ck, m);
  }

  private void leave(ShardCtrlerClerk ck, List<Integer> gids) {
    CtrlerCluster.leave(sim, ck, gids);
  }

  /** 6.5840 {@code check}: exactly these groups, every shard on one of them, counts within one. */
  private void check(List<Integer> groups, ShardCtrlerClerk ck) {
    Config c = query(ck, -1);
    assertEquals(
        groups.size(),
        c.groups().size(),
        "wanted " + groups.size() + " groups, got " + c.groups().size());
    for (int g : groups) {
      assertTrue(c.groups().containsKey(g), "missing group " + g);
    }
    if (!groups.isEmpty()) {
      for (int s = 0; s < Config.NSHARDS; s++) {
        assertTrue(
            c.groups().containsKey(c.gidOf(s)), "shard " + s + " -> invalid group " + c.gidOf(s));
      }
    }
    int min = 257;
    int max = 0;
    for (int g : c.groups().keySet()) {
      min = Math.min(min, c.countOf(g));
      max = Math.max(max, c.countOf(g));
    }
    assertTrue(max <= min + 1, "max " + max + " too much larger than min " + min);
  }

  /**
   * Minimal transfer on joins: groups 1..NPARA hold no shard in {@code after} that they lacked in
   * {@code before}.
   */
  private static void assertNoneGained(Config before, Config after, String message) {
    for (int g = 1; g <= NPARA; g++) {
      for (int j = 0; j < Config.NSHARDS; j++) {
        if (after.gidOf(j) == g && before.gidOf(j) != g) {
          fail(message);
        }
      }
    }
  }

  /** Minimal transfer on leaves: groups 1..NPARA keep every shard they held in {@code before}. */
  private static void assertNoneLost(Config before, Config after, String message) {
    for (int g = 1; g <= NPARA; g++) {
      for (int j = 0; j < Config.NSHARDS; j++) {
        if (before.gidOf(j) == g && after.gidOf(j) != g) {
          fail(message);
        }
      }
    }
  }

  private static void checkSameConfig(Config c1, Config c2) {
    assertEquals(c1.num(), c2.num(), "Num wrong");
    assertEquals(c1.shards(), c2.shards(), "Shards wrong");
    assertEquals(c1.groups().size(), c2.groups().size(), "number of Groups is wrong");
    assertEquals(c1.groups(), c2.groups(), "Groups wrong");
  }

  private static void begin(String what) {
    System.out.println("Test: " + what + " ...");
  }

  private static void passed() {
    System.out.println("  ... Passed");
  }

  private static Map<Integer, List<String>> group(int gid, String... servers) {
    return Map.of(gid, List.of(servers));
  }

  private void assertServers(Config c, int gid, String... want) {
    assertEquals(List.of(want), c.serversOf(gid), "wrong servers for gid " + gid);
  }

  /** Runs one clerk per entry concurrently; each runs its steps in order. */
  private void runConcurrently(
      List<ShardCtrlerClerk> clerks,
      List<List<java.util.function.Function<ShardCtrlerClerk, SimFuture<Void>>>> steps) {
    List<SimFuture<Void>> last = new ArrayList<>();
    for (int i = 0; i < clerks.size(); i++) {
      ShardCtrlerClerk ck = clerks.get(i);
      SimFuture<Void> f = null;
      for (var step : steps.get(i)) {
        f = step.apply(ck); // a clerk runs its operations one at a time, in call order
      }
      last.add(f);
    }
    boolean done =
        sim.runUntil(() -> last.stream().allMatch(SimFuture::isDone), Duration.ofSeconds(60));
    assertTrue(done, "concurrent clerks did not finish within 60 s");
  }

  @SimTest(name = "TestBasic5A")
  @Points(10)
  void basic(Seed seed) {
    ShardCtrlerClerk ck = setUp(seed);
    Config[] cfa = new Config[6];

    begin("Basic leave/join");
    cfa[0] = query(ck, -1);
    check(List.of(), ck);
    int gid1 = 1;
    join(ck, group(gid1, "x", "y", "z"));
    check(List.of(gid1), ck);
    cfa[1] = query(ck, -1);
    int gid2 = 2;
    join(ck, group(gid2, "a", "b", "c"));
    check(List.of(gid1, gid2), ck);
    cfa[2] = query(ck, -1);
    Config cfx = query(ck, -1);
    assertServers(cfx, gid1, "x", "y", "z");
    assertServers(cfx, gid2, "a", "b", "c");
    leave(ck, List.of(gid1));
    check(List.of(gid2), ck);
    cfa[4] = query(ck, -1);
    leave(ck, List.of(gid2));
    cfa[5] = query(ck, -1);
    // 6.5840 leaves cfa[3] as the zero Config, which is configuration 0.
    cfa[3] = Config.initial();
    passed();

    begin("Historical queries");
    for (int s = 0; s < NSERVERS; s++) {
      cfg.shutdownServer(s);
      for (Config c : cfa) {
        checkSameConfig(query(ck, c.num()), c);
      }
      cfg.startServer(s);
    }
    passed();

    begin("Move");
    int gid3 = 503;
    join(ck, group(gid3, "3a", "3b", "3c"));
    int gid4 = 504;
    join(ck, group(gid4, "4a", "4b", "4c"));
    for (int i = 0; i < Config.NSHARDS; i++) {
      Config cf = query(ck, -1);
      int to = i < Config.NSHARDS / 2 ? gid3 : gid4;
      CtrlerCluster.move(sim, ck, i, to);
      if (cf.gidOf(i) != to) {
        Config cf1 = query(ck, -1);
        assertTrue(cf1.num() > cf.num(), "Move should increase Config.Num");
      }
    }
    Config cf2 = query(ck, -1);
    for (int i = 0; i < Config.NSHARDS; i++) {
      int want = i < Config.NSHARDS / 2 ? gid3 : gid4;
      assertEquals(
          want,
          cf2.gidOf(i),
          "expected shard " + i + " on gid " + want + " actually " + cf2.gidOf(i));
    }
    leave(ck, List.of(gid3));
    leave(ck, List.of(gid4));
    passed();

    begin("Concurrent leave/join");
    List<ShardCtrlerClerk> cka = new ArrayList<>();
    List<Integer> gids = new ArrayList<>();
    List<List<java.util.function.Function<ShardCtrlerClerk, SimFuture<Void>>>> steps =
        new ArrayList<>();
    for (int i = 0; i < NPARA; i++) {
      cka.add(cfg.makeClerk());
      int gid = i * 10 + 100;
      gids.add(gid);
      steps.add(
          List.of(
              c -> c.join(group(gid + 1000, "s" + gid + "a")),
              c -> c.join(group(gid, "s" + gid + "b")),
              c -> c.leave(List.of(gid + 1000))));
    }
    runConcurrently(cka, steps);
    check(gids, ck);
    passed();

    begin("Minimal transfers after joins");
    Config c1 = query(ck, -1);
    for (int i = 0; i < 5; i++) {
      int gid = NPARA + 1 + i;
      join(ck, group(gid, gid + "a", gid + "b", gid + "b"));
    }
    Config c2 = query(ck, -1);
    assertNoneGained(c1, c2, "non-minimal transfer after Join()s");
    passed();

    begin("Minimal transfers after leaves");
    for (int i = 0; i < 5; i++) {
      leave(ck, List.of(NPARA + 1 + i));
    }
    Config c3 = query(ck, -1);
    assertNoneLost(c2, c3, "non-minimal transfer after Leave()s");
    passed();
  }

  @SimTest(name = "TestMinimalAgain5A")
  @Points(5)
  void minimalAgain(Seed seed) {
    ShardCtrlerClerk ck = setUp(seed);
    begin("minimal movement again");
    join(ck, group(1, "x", "y", "z"));
    join(ck, group(2, "a", "b", "c"));
    Config c1 = query(ck, -1);
    join(ck, group(3, "d", "e", "f"));
    Config c2 = query(ck, -1);
    int changed = 0;
    for (int i = 0; i < Config.NSHARDS; i++) {
      if (c2.gidOf(i) != 3) {
        assertEquals(
            c1.gidOf(i),
            c2.gidOf(i),
            "shard "
                + i
                + " moved from gid "
                + c1.gidOf(i)
                + " to gid "
                + c2.gidOf(i)
                + ", but shouldn't have");
      }
      if (c1.gidOf(i) != c2.gidOf(i)) {
        changed++;
      }
    }
    assertTrue(
        changed <= Config.NSHARDS / 3 + 1, "too many shards (" + changed + ") moved after join");

    leave(ck, List.of(1));
    Config c3 = query(ck, -1);
    changed = 0;
    for (int i = 0; i < Config.NSHARDS; i++) {
      if (c2.gidOf(i) != 1) {
        assertEquals(
            c2.gidOf(i),
            c3.gidOf(i),
            "shard "
                + i
                + " moved from gid "
                + c2.gidOf(i)
                + " to gid "
                + c3.gidOf(i)
                + ", but shouldn't have");
      }
      if (c2.gidOf(i) != c3.gidOf(i)) {
        changed++;
      }
    }
    assertTrue(
        changed <= Config.NSHARDS / 3 + 1, "too many shards (" + changed + ") moved after leave");
    passed();
  }

  @SimTest(name = "TestMulti5A")
  @Points(10)
  void multi(Seed seed) {
    ShardCtrlerClerk ck = setUp(seed);

    begin("Multi-group join/leave");
    check(List.of(), ck);
    int gid1 = 1;
    int gid2 = 2;
    Map<Integer, List<String>> m12 = new TreeMap<>();
    m12.put(gid1, List.of("x", "y", "z"));
    m12.put(gid2, List.of("a", "b", "c"));
    join(ck, m12);
    check(List.of(gid1, gid2), ck);
    int gid3 = 3;
    join(ck, group(gid3, "j", "k", "l"));
    check(List.of(gid1, gid2, gid3), ck);
    Config cfx = query(ck, -1);
    assertServers(cfx, gid1, "x", "y", "z");
    assertServers(cfx, gid2, "a", "b", "c");
    assertServers(cfx, gid3, "j", "k", "l");
    leave(ck, List.of(gid1, gid3));
    check(List.of(gid2), ck);
    assertServers(query(ck, -1), gid2, "a", "b", "c");
    leave(ck, List.of(gid2));
    passed();

    begin("Concurrent multi leave/join");
    List<ShardCtrlerClerk> cka = new ArrayList<>();
    List<Integer> gids = new ArrayList<>();
    List<List<java.util.function.Function<ShardCtrlerClerk, SimFuture<Void>>>> steps =
        new ArrayList<>();
    for (int i = 0; i < NPARA; i++) {
      cka.add(cfg.makeClerk());
      int gid = i + 1000;
      gids.add(gid);
      Map<Integer, List<String>> m = new TreeMap<>();
      m.put(gid, List.of(gid + "a", gid + "b", gid + "c"));
      m.put(gid + 1000, List.of((gid + 1000) + "a"));
      m.put(gid + 2000, List.of((gid + 2000) + "a"));
      steps.add(List.of(c -> c.join(m), c -> c.leave(List.of(gid + 1000, gid + 2000))));
    }
    runConcurrently(cka, steps);
    check(gids, ck);
    passed();

    begin("Minimal transfers after multijoins");
    Config c1 = query(ck, -1);
    Map<Integer, List<String>> m = new TreeMap<>();
    for (int i = 0; i < 5; i++) {
      int gid = NPARA + 1 + i;
      m.put(gid, List.of(gid + "a", gid + "b"));
    }
    join(ck, m);
    Config c2 = query(ck, -1);
    assertNoneGained(c1, c2, "non-minimal transfer after Join()s");
    passed();

    begin("Minimal transfers after multileaves");
    List<Integer> l = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      l.add(NPARA + 1 + i);
    }
    leave(ck, l);
    Config c3 = query(ck, -1);
    assertNoneLost(c2, c3, "non-minimal transfer after Leave()s");
    passed();

    begin("Check Same config on servers");
    Config before;
    if (cfg.exposesRaft()) {
      sim.runUntil(() -> cfg.leader().isPresent(), Duration.ofSeconds(3));
      Optional<Integer> leader = cfg.leader();
      assertTrue(leader.isPresent(), "Leader not found");
      before = query(ck, -1);
      cfg.shutdownServer(leader.get());
      boolean found = false;
      for (int attempt = 0; attempt < 3 && !found; attempt++) {
        sim.runFor(Duration.ofSeconds(1));
        found = cfg.leader().isPresent();
      }
      assertTrue(found, "Leader not found");
    } else {
      before = query(ck, -1);
      cfg.shutdownServer(0);
    }
    checkSameConfig(before, query(ck, -1));
    passed();
  }
}
