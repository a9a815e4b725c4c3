package simlab.nemesis;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import simlab.harness.ShardCluster;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.shardctrler.RaftBacked;
import simlab.shardctrler.ShardCtrlerFactory;
import simlab.shardkv.ShardKvFactory;
import simlab.sim.Simulation;

/**
 * A lab 5 {@link ShardCluster} as a nemesis target. The fault domain is the controller's replicas
 * followed by every replica group's servers, in that order: with 3 controller replicas and 3 groups
 * of 3, nodes 0-2 are {@code ctrler-0..2}, 3-5 group 100, 6-8 group 101, 9-11 group 102; each is
 * its own Raft group ("leader" and "minority" are per group). Servers must be {@link RaftBacked}
 * for leader lookup and the invariant monitors.
 */
public final class ShardKvTarget implements NemesisTarget {
  private final ShardCluster cluster;
  private final Topology topology;
  private final List<IntConsumer> listeners = new ArrayList<>();
  private final List<IntConsumer> commitListeners = new ArrayList<>();

  private ShardKvTarget(ShardCluster cluster, StartHook hook) {
    this.cluster = cluster;
    List<String> ids = new ArrayList<>();
    List<List<String>> named = new ArrayList<>();
    List<List<Integer>> groups = new ArrayList<>();
    named.add(cluster.ctl().servers());
    for (int g = 0; g < ShardCluster.NGROUPS; g++) {
      named.add(cluster.servers(g));
    }
    for (List<String> g : named) {
      List<Integer> idx = new ArrayList<>();
      for (String id : g) {
        idx.add(ids.size());
        ids.add(id);
      }
      groups.add(idx);
    }
    this.topology = new Topology(ids, groups);
    hook.onCommit(
        node -> {
          int i = ids.indexOf(node);
          if (i >= 0) {
            commitListeners.forEach(l -> l.accept(i));
          }
        });
    hook.onLeaderStart(
        node -> {
          int i = ids.indexOf(node);
          if (i >= 0) {
            listeners.forEach(l -> l.accept(i));
          }
        });
  }

  public static ShardKvTarget create(
      Simulation sim,
      boolean unreliable,
      int maxRaftState,
      RaftFactory raft,
      ShardCtrlerFactory ctrler,
      ShardKvFactory kv) {
    StartHook hook = new StartHook();
    return new ShardKvTarget(
        new ShardCluster(sim, unreliable, maxRaftState, hook.wrap(raft), ctrler, kv), hook);
  }

  public ShardCluster cluster() {
    return cluster;
  }

  public void fullCheck() {
    cluster.monitors().forEach(simlab.harness.RaftInvariantMonitor::fullCheck);
  }

  private Raft raftOf(String id) {
    Object s = cluster.sim().node(id);
    return s instanceof RaftBacked rb ? rb.raftPeer() : null;
  }

  @Override
  public Simulation sim() {
    return cluster.sim();
  }

  @Override
  public Topology topology() {
    return topology;
  }

  @Override
  public void crash(int node) {
    sim().crash(topology.nodes().get(node));
  }

  @Override
  public void restart(int node) {
    sim().restart(topology.nodes().get(node));
  }

  @Override
  public OptionalInt leader(int group) {
    List<Integer> members = topology.groups().get(group);
    List<String> ids = members.stream().map(topology.nodes()::get).toList();
    OptionalInt l = Leaders.highestTerm(ids, this::raftOf);
    return l.isPresent() ? OptionalInt.of(members.get(l.getAsInt())) : l;
  }

  @Override
  public void onLeaderStart(IntConsumer listener) {
    listeners.add(listener);
  }

  @Override
  public void onCommit(IntConsumer listener) {
    commitListeners.add(listener);
  }
}
