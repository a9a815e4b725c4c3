package simlab.explore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import simlab.harness.RaftGroupMonitor;
import simlab.kvsrv1.KvSrv1Service;
import simlab.kvsrv1.VersionedClerk;
import simlab.nemesis.NemesisTarget;
import simlab.nemesis.StartHook;
import simlab.nemesis.Topology;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.shardctrler.RaftBacked;
import simlab.shardkv1.ConfigWrites;
import simlab.shardkv1.ShardKv1Factory;
import simlab.shardkv1.shardcfg.ShardConfig;
import simlab.shardkv1.shardctrler.ShardCtrler;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;
import simlab.workload.Workload;

/**
 * 2025 lab 5 (shardkv1): three shard groups of three ({@code grp1-*}, {@code grp2-*}, {@code
 * grp3-*}; gid 1 starts with every shard), the configuration kept in one kvsrv1 server {@value
 * #KVSRV}, and a controller node {@value #CTRLER} that, every {@link #CONFIG_EVERY} while the
 * clients run, joins a group that is out or makes one leave (never the last) through the 2025
 * controller API (query, joinBalance/leaveBalance, changeConfigTo). Each clerk runs in its own node
 * with its own controller instance for queries. {@code --impl} may replace the ShardKv1Factory, the
 * KvSrv1Service holding the configuration, or the Raft of the groups.
 *
 * <p>The fault domain is the nine group servers (nodes 0-2 gid 1, 3-5 gid 2, 6-8 gid 3); the
 * configuration server, the controller and the clerks stay outside it, as the clerks do in the
 * other systems (the configuration server keeps its data in memory, so crashing it would lose the
 * configuration, which no implementation can survive). Durability: after the final power loss of
 * the nine servers a fresh clerk reads every key.
 */
final class ShardKv1Run extends VersionedRun {
  static final String KVSRV = "kvsrv-ctrler";
  static final String CTRLER = "ctrler";
  static final int[] GIDS = {1, 2, 3};
  static final int NSRV = 3;
  static final int MAX_RAFT_STATE = 1000;
  static final Duration CONFIG_EVERY = Duration.ofMillis(400);

  private final ShardKv1Factory impl;
  private final KvSrv1Service kvsrv;
  private final List<RaftGroupMonitor> monitors = new ArrayList<>();
  private final CtrlerTarget target;
  private final CtrlerTakeover takeover;
  private final Reconfiguring workload;
  private final ShardCtrler admin;

  ShardKv1Run(Simulation sim, RunSpec spec) {
    super(sim, spec);
    this.impl = spec.impls().shardkv1();
    this.kvsrv = spec.impls().kvsrv1();
    sim.addNode(KVSRV, kvsrv::makeServer);
    StartHook hook = new StartHook();
    RaftFactory raft = hook.wrap(spec.impls().raft());
    for (int gid : GIDS) {
      List<String> names = servers(gid);
      RaftGroupMonitor m = new RaftGroupMonitor(sim, names);
      monitors.add(m);
      RaftFactory monitored = m.wrap(raft);
      for (int i = 0; i < NSRV; i++) {
        int me = i;
        sim.addNode(
            names.get(i),
            names,
            ctx -> impl.makeGroupServer(ctx, names, me, gid, MAX_RAFT_STATE, monitored));
      }
    }
    ConfigWrites[] adminWrites = new ConfigWrites[1];
    this.admin =
        sim.addNode(
            CTRLER,
            ctx -> {
              adminWrites[0] = new ConfigWrites(ctx, kvsrv.makeClerk(ctx, KVSRV));
              return impl.makeCtrler(ctx, adminWrites[0]);
            });
    this.takeover =
        new CtrlerTakeover(sim, CTRLER, adminWrites[0], this::successor, this::changeInFlight);
    this.target =
        new CtrlerTarget(
            new RaftGroupsTarget(sim, spec.system().topology(), this::raftOf, hook), takeover);
    List<VersionedClerk> clerks = new ArrayList<>();
    for (int c = 0; c < spec.params().clients(); c++) {
      String node = "client-" + c;
      clerks.add(history.recording(c, node, freshClerk(node)));
    }
    this.workload = new Reconfiguring(sim, spec, clerks);
  }

  private SimFuture<Void> changeInFlight() {
    return workload == null ? null : workload.changeInFlight();
  }

  /** A second controller in a node of its own, for {@link CtrlerTakeover}. */
  private CtrlerTakeover.Successor successor(String node) {
    ConfigWrites[] writes = new ConfigWrites[1];
    ShardCtrler c =
        sim.addNode(
            node,
            ctx -> {
              writes[0] = new ConfigWrites(ctx, kvsrv.makeClerk(ctx, KVSRV));
              return impl.makeCtrler(ctx, writes[0]);
            });
    return new CtrlerTakeover.Successor(node, c, writes[0]);
  }

  /** The servers of group {@code gid}, in peer order. */
  static List<String> servers(int gid) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < NSRV; i++) {
      names.add("grp" + gid + "-" + i);
    }
    return List.copyOf(names);
  }

  /** The fault domain: every group's servers, gid by gid; one Raft group each. */
  static Topology topology() {
    List<String> nodes = new ArrayList<>();
    List<List<Integer>> groups = new ArrayList<>();
    for (int gid : GIDS) {
      List<Integer> idx = new ArrayList<>();
      for (String s : servers(gid)) {
        idx.add(nodes.size());
        nodes.add(s);
      }
      groups.add(idx);
    }
    return new Topology(nodes, groups);
  }

  private Raft raftOf(String id) {
    Object s = sim.node(id);
    return s instanceof RaftBacked rb ? rb.raftPeer() : null;
  }

  /** Stores the first configuration (gid 1 owns every shard) before the clients start. */
  @Override
  void setUp() {
    await(
        admin.initConfig(ShardConfig.first(ShardConfig.GID1, servers(ShardConfig.GID1))),
        Duration.ofSeconds(10),
        "InitConfig");
  }

  @Override
  VersionedClerk freshClerk(String node) {
    return sim.addNode(
        node, ctx -> impl.makeClerk(ctx, impl.makeCtrler(ctx, kvsrv.makeClerk(ctx, KVSRV))));
  }

  @Override
  NemesisTarget target() {
    return target;
  }

  @Override
  Workload workload() {
    return workload;
  }

  @Override
  void fullCheck() {
    monitors.forEach(m -> m.monitor().fullCheck());
    takeover.check();
  }

  /**
   * The clients plus the configuration changes: one change at a time, {@link #CONFIG_EVERY} after
   * the previous one finished, drawn from the stream {@code workload:config}; none once the clients
   * are done. Finished when the clients are and no change is in flight.
   */
  private final class Reconfiguring extends VersionedWorkload {
    private final RandomGenerator r;
    private boolean busy;
    private boolean stopping;
    private SimFuture<Void> inFlight;

    Reconfiguring(Simulation sim, RunSpec spec, List<VersionedClerk> clerks) {
      super(sim, spec.params(), clerks);
      this.r = sim.random("workload:config");
    }

    @Override
    public void start() {
      super.start();
      sim.schedule(CONFIG_EVERY, this::reconfigure);
    }

    private void reconfigure() {
      if (stopping || super.finished()) {
        return;
      }
      busy = true;
      int choice = r.nextInt(2);
      int pick = r.nextInt(GIDS.length);
      admin
          .query()
          .onComplete(
              cfg -> {
                List<Integer> in = new ArrayList<>();
                List<Integer> out = new ArrayList<>();
                for (int gid : GIDS) {
                  (cfg.isMember(gid) ? in : out).add(gid);
                }
                ShardConfig next = cfg.copy();
                boolean changed;
                if (!out.isEmpty() && (choice == 0 || in.size() <= 1)) {
                  int gid = out.get(pick % out.size());
                  changed = next.joinBalance(Map.of(gid, servers(gid)));
                  if (changed) {
                    sim.annotate("explore: join " + gid + " -> config " + next.num());
                  }
                } else {
                  int gid = in.get(pick % in.size());
                  changed = next.leaveBalance(List.of(gid));
                  if (changed) {
                    sim.annotate("explore: leave " + gid + " -> config " + next.num());
                  }
                }
                SimFuture<Void> f;
                if (changed) {
                  target.changeBegins();
                  f = admin.changeConfigTo(next);
                  inFlight = f;
                } else {
                  f = SimFuture.completed(null);
                }
                f.onComplete(
                    v -> {
                      busy = false;
                      inFlight = null;
                      sim.schedule(CONFIG_EVERY, this::reconfigure);
                    });
              });
    }

    @Override
    public long pending() {
      return super.pending() + takeover.pending().size();
    }

    @Override
    public void stop() {
      stopping = true;
      super.stop();
    }

    /** The controller's configuration change in progress, or null. */
    SimFuture<Void> changeInFlight() {
      return inFlight;
    }

    @Override
    public boolean finished() {
      return super.finished() && !busy && takeover.pending().isEmpty();
    }
  }
}
