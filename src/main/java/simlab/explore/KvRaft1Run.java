package simlab.explore;

import java.util.ArrayList;
import java.util.List;
import simlab.harness.RaftGroupMonitor;
import simlab.kvraft1.KvRaft1Server;
import simlab.kvraft1.KvRaft1Service;
import simlab.kvsrv1.VersionedClerk;
import simlab.nemesis.NemesisTarget;
import simlab.nemesis.StartHook;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.rsm.RsmFactory;
import simlab.sim.Simulation;
import simlab.workload.Workload;

/**
 * 2025 lab 4 (kvraft1 on the rsm layer on Raft): 5 replicas {@code kv-i} with maxraftstate {@value
 * #MAX_RAFT_STATE} (so snapshots happen), built here from the three pluggable factories ({@code
 * --impl} may replace any one of KvRaft1Service, RsmFactory, RaftFactory), with the Raft invariant
 * monitor on the group and {@link VersionedWorkload} clerks.
 *
 * <p>The fault domain is the replicas (nodes 0-4) and the first {@value #CLERK_SLOTS} clerks (5-7):
 * a partition or clog may put clerks on either side, as 6.5840's partition tests put clerks in the
 * majority and in the minority; a leader isolated from the other replicas alone still hears clerks
 * when the step names replicas only ("partition minority", "bridge"). Clerks never crash: a crash
 * step that names one leaves it running. Durability: after the final power loss a fresh clerk reads
 * every key.
 */
final class KvRaft1Run extends VersionedRun {
  static final int SERVERS = 5;
  static final int MAX_RAFT_STATE = 1000;

  /** Clerk nodes in the fault domain (always created, so a schedule's indices stay valid). */
  static final int CLERK_SLOTS = 3;

  private final List<String> ids;
  private final KvRaft1Service service;
  private final RaftGroupMonitor monitor;
  private final RaftGroupsTarget target;
  private final VersionedWorkload workload;

  KvRaft1Run(Simulation sim, RunSpec spec) {
    super(sim, spec);
    this.ids = spec.system().topology().nodes().subList(0, SERVERS);
    this.service = spec.impls().kvraft1();
    RsmFactory rsm = spec.impls().rsm();
    StartHook hook = new StartHook();
    this.monitor = new RaftGroupMonitor(sim, ids);
    RaftFactory raft = monitor.wrap(hook.wrap(spec.impls().raft()));
    for (int i = 0; i < SERVERS; i++) {
      int me = i;
      sim.addNode(
          ids.get(i), ids, ctx -> service.makeServer(ctx, ids, me, rsm, raft, MAX_RAFT_STATE));
    }
    this.target = new RaftGroupsTarget(sim, spec.system().topology(), this::raftOf, hook);
    List<VersionedClerk> clerks = new ArrayList<>();
    for (int c = 0; c < Math.max(CLERK_SLOTS, spec.params().clients()); c++) {
      String node = "clerk-" + c;
      VersionedClerk ck = freshClerk(node);
      if (c < spec.params().clients()) {
        clerks.add(history.recording(c, node, ck));
      }
    }
    this.workload = new VersionedWorkload(sim, spec.params(), clerks);
  }

  /** The fault domain: the replicas, then the clerk slots. */
  static List<String> nodes() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < SERVERS; i++) {
      ids.add("kv-" + i);
    }
    for (int c = 0; c < CLERK_SLOTS; c++) {
      ids.add("clerk-" + c);
    }
    return ids;
  }

  private Raft raftOf(String id) {
    Object s = sim.node(id);
    return s instanceof KvRaft1Server kv ? kv.raft() : null;
  }

  @Override
  VersionedClerk freshClerk(String node) {
    return sim.addNode(node, ctx -> service.makeClerk(ctx, ids));
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
    monitor.monitor().fullCheck();
  }
}
