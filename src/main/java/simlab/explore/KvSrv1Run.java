package simlab.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import simlab.kvsrv1.KvSrv1Service;
import simlab.kvsrv1.VersionedClerk;
import simlab.nemesis.NemesisTarget;
import simlab.nemesis.Topology;
import simlab.sim.Simulation;
import simlab.workload.Workload;

/**
 * 2025 lab 2 (kvsrv1): one versioned server {@code kvsrv} and {@link VersionedWorkload} clerks. No
 * Raft, so the fault domain is the server and the first {@value #CLERK_SLOTS} clerks (node 0 is the
 * server, nodes 1-3 {@code clerk-0..2}): partitions, cuts and clogs between them, and the
 * network-wide modes (unreliable, reordering, duplicates) are what make clerks resend and meet
 * ErrMaybe. The server keeps its data in memory only, as in 6.5840, so the system is not durable:
 * it offers no crash faults, and a run ends after the linearizability check, without the final
 * power loss. The server counts as the "leader" of its one-node group while it is up.
 */
final class KvSrv1Run extends VersionedRun {
  static final String SERVER = "kvsrv";

  /** Clerk nodes in the fault domain (always created, so a schedule's indices stay valid). */
  static final int CLERK_SLOTS = 3;

  private final KvSrv1Service service;
  private final Target target;
  private final VersionedWorkload workload;

  KvSrv1Run(Simulation sim, RunSpec spec) {
    super(sim, spec);
    this.service = spec.impls().kvsrv1();
    sim.addNode(SERVER, service::makeServer);
    this.target = new Target(sim, spec.system().topology());
    List<VersionedClerk> clerks = new ArrayList<>();
    int n = Math.max(CLERK_SLOTS, spec.params().clients());
    for (int c = 0; c < n; c++) {
      String node = "clerk-" + c;
      VersionedClerk ck = freshClerk(node);
      if (c < spec.params().clients()) {
        clerks.add(history.recording(c, node, ck));
      }
    }
    this.workload = new VersionedWorkload(sim, spec.params(), clerks);
  }

  static List<String> nodes() {
    List<String> ids = new ArrayList<>();
    ids.add(SERVER);
    for (int c = 0; c < CLERK_SLOTS; c++) {
      ids.add("clerk-" + c);
    }
    return ids;
  }

  @Override
  VersionedClerk freshClerk(String node) {
    return sim.addNode(node, ctx -> service.makeClerk(ctx, SERVER));
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
  void fullCheck() {}

  /** The server and the clerk slots; crashes are refused before a run (see ExploredSystem). */
  private static final class Target implements NemesisTarget {
    private final Simulation sim;
    private final Topology topology;

    Target(Simulation sim, Topology topology) {
      this.sim = sim;
      this.topology = topology;
    }

    @Override
    public Simulation sim() {
      return sim;
    }

    @Override
    public Topology topology() {
      return topology;
    }

    @Override
    public void crash(int node) {
      throw new IllegalStateException("kvsrv1 offers no crash faults (its server is in memory)");
    }

    @Override
    public void restart(int node) {
      throw new IllegalStateException("kvsrv1 offers no crash faults (its server is in memory)");
    }

    @Override
    public OptionalInt leader(int group) {
      return sim.isAlive(SERVER) ? OptionalInt.of(0) : OptionalInt.empty();
    }

    @Override
    public void onLeaderStart(IntConsumer listener) {}

    @Override
    public void onCommit(IntConsumer listener) {}
  }
}
