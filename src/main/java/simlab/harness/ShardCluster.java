package simlab.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import simlab.logging.Logs;
import simlab.raft.RaftFactory;
import simlab.shardctrler.ShardCtrlerClerk;
import simlab.shardctrler.ShardCtrlerFactory;
import simlab.shardkv.ShardKvClerk;
import simlab.shardkv.ShardKvFactory;
import simlab.sim.Persister;
import simlab.sim.Simulation;

/**
 * The world of a shardkv test (6.5840 shardkv {@code config.go}): a controller of 3 replicas,
 * {@link #NGROUPS} replica groups (gids 100, 101, 102) of {@link #N} servers each named {@code
 * shardkv-<gid>-<i>}, clients as nodes, and the tester's own controller clerk for Join/Leave. All
 * waits are in virtual time.
 */
public final class ShardCluster {
  public static final int NGROUPS = 3;
  public static final int N = 3;
  public static final int FIRST_GID = 100;

  /** How long a driver waits for one client operation before failing the test. */
  public static final Duration OP_TIMEOUT = Duration.ofSeconds(60);

  private final Simulation sim;
  private final RaftFactory raft;
  private final ShardCtrlerFactory ctrlerFactory;
  private final ShardKvFactory kvFactory;
  private final int maxRaftState;
  private final CtrlerCluster ctl;
  private final ShardCtrlerClerk mck;
  private final List<List<String>> groups = new ArrayList<>();
  private final List<RaftInvariantMonitor> monitors = new ArrayList<>();
  private int clients;
  private int extraCtrlers;

  private static final Logger LOG = Logs.get(ShardCluster.class);

  public ShardCluster(
      Simulation sim,
      boolean unreliable,
      int maxRaftState,
      RaftFactory raft,
      ShardCtrlerFactory ctrlerFactory,
      ShardKvFactory kvFactory) {
    this.sim = sim;
    this.raft = raft;
    this.ctrlerFactory = ctrlerFactory;
    this.kvFactory = kvFactory;
    this.maxRaftState = maxRaftState;
    sim.network().setReliable(!unreliable);
    this.ctl = new CtrlerCluster(sim, "ctrler", CtrlerCluster.NSERVERS, raft, ctrlerFactory);
    this.mck = ctl.makeClerk();
    for (int g = 0; g < NGROUPS; g++) {
      int gid = gid(g);
      List<String> names = new ArrayList<>();
      for (int i = 0; i < N; i++) {
        names.add("shardkv-" + gid + "-" + i);
      }
      List<String> all = List.copyOf(names);
      groups.add(all);
      RaftGroupMonitor gm = new RaftGroupMonitor(sim, all);
      monitors.add(gm.monitor());
      RaftFactory monitored = gm.wrap(raft);
      for (int i = 0; i < N; i++) {
        int me = i;
        sim.addNode(
            all.get(i),
            all,
            ctx ->
                kvFactory.makeServer(
                    ctx, all, me, gid, ctl.servers(), maxRaftState, monitored, ctrlerFactory));
      }
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} shard cluster started: groups {}, {} network, maxraftstate {}, {}",
          sim.logPrefix(),
          groups,
          unreliable ? "unreliable" : "reliable",
          maxRaftState,
          kvFactory.getClass().getName());
    }
  }

  public Simulation sim() {
    return sim;
  }

  public CtrlerCluster ctl() {
    return ctl;
  }

  /** The tester's own controller clerk (6.5840 {@code cfg.mck}). */
  public ShardCtrlerClerk mck() {
    return mck;
  }

  public int gid(int group) {
    return FIRST_GID + group;
  }

  public List<String> servers(int group) {
    return groups.get(group);
  }

  /**
   * The Raft invariant monitors: the controller's, then each group's (each runs after every event).
   */
  public List<RaftInvariantMonitor> monitors() {
    List<RaftInvariantMonitor> all = new ArrayList<>();
    all.add(ctl.monitor());
    all.addAll(monitors);
    return all;
  }

  public int maxRaftState() {
    return maxRaftState;
  }

  /** A new client talking to the controller {@code ctrl}. */
  public ShardKvClerk makeClient(CtrlerCluster ctrl) {
    String id = "client-" + (++clients);
    return sim.addNode(id, ctx -> kvFactory.makeClerk(ctx, ctrl.servers(), ctrlerFactory));
  }

  public ShardKvClerk makeClient() {
    return makeClient(ctl);
  }

  /** A second, independent controller service (TestRejection5A). */
  public CtrlerCluster startCtrlerService() {
    return new CtrlerCluster(
        sim, "ctrler" + (2 + extraCtrlers++), CtrlerCluster.NSERVERS, raft, ctrlerFactory);
  }

  // ---- configuration changes (the tester calls Join/Leave itself) ----------------------

  public void join(int group) {
    joinm(List.of(group), ctl);
  }

  public void leave(int group) {
    leavem(List.of(group));
  }

  public void joinm(List<Integer> gs, CtrlerCluster ctrl) {
    Map<Integer, List<String>> m = new LinkedHashMap<>();
    for (int g : gs) {
      m.put(gid(g), servers(g));
    }
    ShardCtrlerClerk ck = ctrl == ctl ? mck : ctrlClerk(ctrl);
    CtrlerCluster.join(sim, ck, m);
  }

  private final Map<CtrlerCluster, ShardCtrlerClerk> otherClerks = new LinkedHashMap<>();

  private ShardCtrlerClerk ctrlClerk(CtrlerCluster ctrl) {
    return otherClerks.computeIfAbsent(ctrl, CtrlerCluster::makeClerk);
  }

  public void leavem(List<Integer> gs) {
    List<Integer> gids = new ArrayList<>();
    for (int g : gs) {
      gids.add(gid(g));
    }
    CtrlerCluster.leave(sim, mck, gids);
  }

  // ---- faults --------------------------------------------------------------------------

  public void shutdownServer(int group, int i) {
    sim.crash(groups.get(group).get(i));
  }

  public void startServer(int group, int i) {
    sim.restart(groups.get(group).get(i));
  }

  public void shutdownGroup(int group) {
    for (int i = 0; i < N; i++) {
      shutdownServer(group, i);
    }
  }

  public void startGroup(int group) {
    for (int i = 0; i < N; i++) {
      startServer(group, i);
    }
  }

  // ---- checks ----------------------------------------------------------------------------

  /**
   * 6.5840 {@code checklogs}: with snapshots on, no server's Raft state may exceed 8 ×
   * maxraftstate; with them off, no server may have a snapshot.
   */
  public void checkLogs() {
    for (List<String> g : groups) {
      for (String s : g) {
        Persister p = sim.persister(s);
        if (maxRaftState >= 0 && p.raftStateSize() > 8 * maxRaftState) {
          throw new AssertionError(
              "persister.RaftStateSize() of "
                  + s
                  + " is "
                  + p.raftStateSize()
                  + ", but maxraftstate is "
                  + maxRaftState
                  + " (limit "
                  + 8 * maxRaftState
                  + ")");
        }
        if (maxRaftState < 0 && p.snapshotSize() > 0) {
          throw new AssertionError(
              "maxraftstate is -1, but " + s + " has a snapshot of " + p.snapshotSize() + " bytes");
        }
      }
    }
  }

  /** Σ over all group servers of persisted Raft state + snapshot bytes (TestChallenge1Delete). */
  public long totalStorage() {
    long total = 0;
    for (List<String> g : groups) {
      for (String s : g) {
        Persister p = sim.persister(s);
        total += p.raftStateSize() + p.snapshotSize();
      }
    }
    return total;
  }

  // ---- blocking client helpers -------------------------------------------------------------

  public String get(ShardKvClerk ck, String key) {
    return SimWait.await(sim, ck.get(key), OP_TIMEOUT, "Get(" + key + ")");
  }

  public void put(ShardKvClerk ck, String key, String value) {
    SimWait.await(sim, ck.put(key, value), OP_TIMEOUT, "Put(" + key + ")");
  }

  public void append(ShardKvClerk ck, String key, String value) {
    SimWait.await(sim, ck.append(key, value), OP_TIMEOUT, "Append(" + key + ")");
  }

  /** 6.5840 {@code check(ck, key, value)}: a Get must return exactly {@code value}. */
  public void check(ShardKvClerk ck, String key, String value) {
    String v = get(ck, key);
    if (!v.equals(value)) {
      throw new AssertionError("Get(" + key + "): expected:\n" + value + "\nreceived:\n" + v);
    }
  }
}
