package simlab.shardkv1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import simlab.harness.Implementations;
import simlab.harness.RaftGroupMonitor;
import simlab.harness.SimWait;
import simlab.harness.VersionedHistory;
import simlab.kvsrv1.GetResult;
import simlab.kvsrv1.KvSrv1Service;
import simlab.kvsrv1.KvTest1;
import simlab.kvsrv1.OneClientPut;
import simlab.kvsrv1.ReferenceKvSrv1;
import simlab.kvsrv1.VersionedClerk;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.raft.ReferenceRaftFactory;
import simlab.shardctrler.RaftBacked;
import simlab.shardkv1.shardcfg.ShardConfig;
import simlab.shardkv1.shardctrler.ShardCtrler;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;
import simlab.testing.Seed;

/**
 * The world of a 2025 lab 5 test (6.5840 {@code shardkv1/test.go}): one kvsrv1 server holding the
 * controller's configuration (6.5840's group 0), shard groups of {@link #NSRV} servers named {@code
 * grp<gid>-<i>}, the tester's controller, clerks, and the recorded history. Every change, crash,
 * restart and partition is annotated on the run's timeline (the run report draws them).
 */
final class ShardKv1Fixture {
  static final int NSRV = 3;
  static final int NGRP = 8;
  static final int NKEYS = 5 * ShardConfig.NSHARDS;
  static final int VALUE_SIZE = 20;
  static final Duration INTERGRPDELAY = Duration.ofMillis(200);

  /** How long the tester waits for one operation before failing (6.5840: the 120 s test cap). */
  static final Duration OP_TIMEOUT = Duration.ofSeconds(60);

  static final String KVSRV = "kvsrv-ctrler";

  final String testName;
  final long seedValue;
  final Simulation sim;
  final ShardKv1Factory impl;
  final KvSrv1Service kvsrv;
  final RaftFactory raft;
  final VersionedHistory history;
  final RandomGenerator rand;
  final int maxRaftState;
  private final Map<Integer, List<String>> groups = new TreeMap<>();
  private int nextGid = ShardConfig.GID1 + 1;
  private int nodes;
  private int clients;
  private ShardCtrler sck;

  /**
   * A controller, the node it runs in (so a test can partition it), and the configurations it got
   * into the kvsrv.
   */
  record Ctrler(String node, ShardCtrler sck, ConfigWrites writes) {}

  ShardKv1Fixture(Seed seed, boolean reliable, int maxRaftState) {
    this(seed.newSimulation(), seed.testName(), seed.value(), reliable, maxRaftState);
  }

  ShardKv1Fixture(
      Simulation sim, String testName, long seedValue, boolean reliable, int maxRaftState) {
    this.testName = testName;
    this.seedValue = seedValue;
    this.sim = sim;
    this.impl =
        Implementations.load(ShardKv1Factory.class, "sim.shardkv1", new ReferenceShardKv1());
    this.kvsrv = Implementations.load(KvSrv1Service.class, "sim.kvsrv1", new ReferenceKvSrv1());
    this.raft = Implementations.load(RaftFactory.class, "sim.raft", new ReferenceRaftFactory());
    this.maxRaftState = maxRaftState;
    this.history = new VersionedHistory(sim);
    this.rand = sim.random("workload");
    sim.network().setReliable(reliable);
    sim.addNode(KVSRV, ctx -> kvsrv.makeServer(ctx));
  }

  static void begin(String title) {
    System.out.println(title + " ...");
  }

  void passed() {
    System.out.println(
        "  ... Passed --  "
            + sim.now().toMillis() / 1000.0
            + "s  groups "
            + groups.size()
            + "  #RPCs "
            + sim.network().totalCount()
            + "  #Ops "
            + history.size());
  }

  // ---- setup -------------------------------------------------------------------------------

  /** 6.5840 {@code setupKVService}: starts Gid1 and stores the first configuration. */
  int setupKvService() {
    startGroup(ShardConfig.GID1);
    sck = makeCtrler().sck();
    await(
        sck.initConfig(ShardConfig.first(ShardConfig.GID1, servers(ShardConfig.GID1))),
        "InitConfig");
    return ShardConfig.GID1;
  }

  /** The tester's controller (6.5840 {@code ts.ShardCtrler()}). */
  ShardCtrler sck() {
    return sck;
  }

  int newGid() {
    return nextGid++;
  }

  List<String> servers(int gid) {
    return groups.computeIfAbsent(
        gid,
        g -> {
          List<String> names = new ArrayList<>();
          for (int i = 0; i < NSRV; i++) {
            names.add("grp" + g + "-" + i);
          }
          return List.copyOf(names);
        });
  }

  /** Starts the servers of {@code gid} for the first time (6.5840 {@code MakeGroupStart}). */
  void startGroup(int gid) {
    List<String> names = servers(gid);
    RaftFactory monitored = new RaftGroupMonitor(sim, names).wrap(raft);
    for (int i = 0; i < NSRV; i++) {
      int me = i;
      sim.addNode(
          names.get(i),
          names,
          ctx -> impl.makeGroupServer(ctx, names, me, gid, maxRaftState, monitored));
    }
    sim.annotate("start group " + gid);
  }

  void shutdownGroup(int gid) {
    sim.annotate("shutdown group " + gid);
    for (String s : servers(gid)) {
      if (sim.isAlive(s)) {
        sim.crash(s);
      }
    }
  }

  void restartGroup(int gid) {
    sim.annotate("restart group " + gid);
    for (String s : servers(gid)) {
      if (!sim.isAlive(s)) {
        sim.restart(s);
      }
    }
  }

  /** The server of {@code gid} that believes it leads, or null (needs {@link RaftBacked}). */
  String leaderOf(int gid) {
    for (String s : servers(gid)) {
      if (sim.isAlive(s) && sim.node(s) instanceof RaftBacked rb) {
        Raft.RaftState st = rb.raftPeer().getState();
        if (st.isLeader()) {
          return s;
        }
      }
    }
    return null;
  }

  /** A new controller in a node of its own (6.5840 {@code makeShardCtrlerClnt}). */
  Ctrler makeCtrler() {
    String id = "ctrler-" + (nodes++);
    ConfigWrites[] writes = new ConfigWrites[1];
    ShardCtrler c =
        sim.addNode(
            id,
            ctx -> {
              writes[0] = new ConfigWrites(ctx, kvsrv.makeClerk(ctx, KVSRV));
              return impl.makeCtrler(ctx, writes[0]);
            });
    return new Ctrler(id, c, writes[0]);
  }

  /** A new sharded clerk recorded in the history as client {@code n} (6.5840 {@code MakeClerk}). */
  VersionedClerk makeClerk() {
    int n = clients++;
    String id = "client-" + n;
    VersionedClerk ck =
        sim.addNode(
            id, ctx -> impl.makeClerk(ctx, impl.makeCtrler(ctx, kvsrv.makeClerk(ctx, KVSRV))));
    return history.recording(n, id, ck);
  }

  /** A clerk whose operations are not recorded (the parallel Gets of checkShutdownSharding). */
  VersionedClerk makeUnrecordedClerk() {
    String id = "probe-" + (nodes++);
    return sim.addNode(
        id, ctx -> impl.makeClerk(ctx, impl.makeCtrler(ctx, kvsrv.makeClerk(ctx, KVSRV))));
  }

  void partition(String node) {
    sim.annotate("partition controller " + node);
    sim.network().isolate(node);
  }

  /**
   * Checks the 5C intent that a controller reconnected at {@code sinceNanos}, whose lease another
   * controller took over meanwhile, bailed out: the kvsrv accepted no configuration from it since.
   */
  void checkBailedOut(Ctrler c, long sinceNanos) {
    List<ConfigWrites.Write> late = c.writes().answeredSince(sinceNanos);
    assertTrue(
        late.isEmpty(),
        "controller "
            + c.node()
            + " wrote configurations after it was reconnected (it should bail out: another"
            + " controller finished its change): "
            + late);
  }

  void reconnect(String node) {
    sim.annotate("reconnect controller " + node);
    for (String other : sim.nodeIds()) {
      if (!other.equals(node)) {
        sim.network().setConnected(node, other, true);
      }
    }
  }

  // ---- waiting -----------------------------------------------------------------------------

  <T> T await(SimFuture<T> f, String what) {
    return SimWait.await(sim, f, OP_TIMEOUT, what);
  }

  void sleep(Duration d) {
    sim.runFor(d);
  }

  // ---- configuration changes (6.5840 join / leave / joinGroups / leaveGroups) --------------

  ShardConfig query(ShardCtrler c) {
    return await(c.query(), "Query");
  }

  /** Joins {@code gid} (starting its servers if new) through {@code c}; false if refused. */
  SimFuture<Boolean> join(ShardCtrler c, int gid) {
    if (!groups.containsKey(gid) || !sim.nodeIds().contains(servers(gid).get(0))) {
      startGroup(gid);
    }
    SimFuture<Boolean> f = new SimFuture<>();
    c.query()
        .onComplete(
            cfg -> {
              ShardConfig next = cfg.copy();
              if (!next.joinBalance(Map.of(gid, servers(gid)))) {
                f.complete(false);
                return;
              }
              sim.annotate("join " + gid + " -> config " + next.num());
              c.changeConfigTo(next).onComplete(v -> f.complete(true));
            });
    return f;
  }

  SimFuture<Boolean> leave(ShardCtrler c, int gid) {
    SimFuture<Boolean> f = new SimFuture<>();
    c.query()
        .onComplete(
            cfg -> {
              ShardConfig next = cfg.copy();
              if (!next.leaveBalance(List.of(gid))) {
                f.complete(false);
                return;
              }
              sim.annotate("leave " + gid + " -> config " + next.num());
              c.changeConfigTo(next).onComplete(v -> f.complete(true));
            });
    return f;
  }

  /** Joins each gid in turn, {@link #INTERGRPDELAY} apart, and checks each became a member. */
  void joinGroups(ShardCtrler c, List<Integer> gids) {
    for (int i = 0; i < gids.size(); i++) {
      assertTrue(await(join(c, gids.get(i)), "join " + gids.get(i)), "join refused");
      assertTrue(query(c).isMember(gids.get(i)), "group " + gids.get(i) + " is not a member");
      if (i < gids.size() - 1) {
        sleep(INTERGRPDELAY);
      }
    }
  }

  void leaveGroups(ShardCtrler c, List<Integer> gids) {
    for (int i = 0; i < gids.size(); i++) {
      assertTrue(await(leave(c, gids.get(i)), "leave " + gids.get(i)), "leave refused");
      assertTrue(!query(c).isMember(gids.get(i)), "group " + gids.get(i) + " is still a member");
      if (i < gids.size() - 1) {
        sleep(INTERGRPDELAY);
      }
    }
  }

  /**
   * The configuration is balanced over exactly {@code members} (6.5840 {@code checkShardsConfig}).
   */
  void checkConfig(ShardCtrler c, List<Integer> members) {
    ShardConfig cfg = query(c);
    String err = cfg.checkConfig(members);
    assertTrue(err == null, "configuration " + cfg + ": " + err);
  }

  // ---- keys (kvtest1's SpreadPuts, CheckGet) ---------------------------------------------------

  String[] ka;
  String[] va;

  /** kvtest1 {@code SpreadPutsSize}: Put keys "k0".."k(n-1)" at version 0, then Get each back. */
  void spreadPuts(VersionedClerk ck, int n, int size) {
    KvTest1.Spread spread = await(KvTest1.spreadPuts(ck, n, size, rand), "SpreadPuts");
    ka = spread.keys().toArray(String[]::new);
    va = spread.values().toArray(String[]::new);
  }

  /** kvtest1 {@code CheckGet} on every key: value va[i] at version 1. */
  void checkGets(VersionedClerk ck) {
    for (int i = 0; i < ka.length; i++) {
      KvTest1.checkGet(sim, ck, ka[i], va[i], 1);
    }
  }

  /**
   * 6.5840 {@code checkShutdownSharding}: shuts {@code gid} down and Gets every key in parallel,
   * until 2 s pass with no Get finishing; fewer than all must finish (the group's keys cannot).
   * Restarts the group afterwards.
   */
  void checkShutdownSharding(int gid) {
    shutdownGroup(gid);
    List<SimFuture<GetResult>> gets = new ArrayList<>();
    for (String k : ka) {
      gets.add(makeUnrecordedClerk().get(k));
    }
    long done = -1;
    while (true) {
      sleep(Duration.ofSeconds(2));
      long now = gets.stream().filter(SimFuture::isDone).count();
      if (now == done) {
        break;
      }
      done = now;
    }
    assertTrue(
        done < ka.length, "all " + ka.length + " Gets finished although group " + gid + " is down");
    restartGroup(gid);
  }

  // ---- concurrent clerks (kvtest1's OneClientPut) ------------------------------------------

  /** Think time between a clerk's rounds (see the handout: pacing keeps histories small). */
  static final Duration THINK = Duration.ofMillis(30);

  /** Starts {@code n} new recorded clerks, each running OneClientPut over the keys ka. */
  List<OneClientPut> startPutLoops(int n) {
    List<OneClientPut> loops = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      OneClientPut l =
          KvTest1.oneClientPut(i, makeClerk(), List.of(ka), sim.random("clerk-" + i))
              .pausing(sim, THINK);
      loops.add(l);
      l.start();
    }
    return loops;
  }

  /** Stops the loops, waits for their last operations, and checks some Put succeeded. */
  void stopPutLoops(List<OneClientPut> loops) {
    loops.forEach(OneClientPut::stop);
    boolean idle = sim.runUntil(() -> loops.stream().allMatch(l -> l.finished()), OP_TIMEOUT);
    assertTrue(idle, "clerks did not finish their last operation");
    for (OneClientPut l : loops) {
      assertEquals(null, l.failure(), "clerk " + l.me());
    }
    long ok = loops.stream().mapToLong(l -> l.result().get().nOk()).sum();
    assertTrue(ok > 0, "no Put succeeded while configurations changed");
  }

  void checkLinearizable() {
    sim.annotate("checker: " + history.size() + " operations");
    history.check(testName, seedValue);
    sim.annotate("checker: linearizable");
  }
}
