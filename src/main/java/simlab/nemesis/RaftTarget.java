package simlab.nemesis;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import simlab.harness.RaftCluster;
import simlab.raft.RaftFactory;
import simlab.sim.Simulation;

/**
 * A lab 3 {@link RaftCluster} as a nemesis target: one group of servers {@code raft-i}. Crashes go
 * to the simulation directly (not through {@code crash1}, which also disconnects: here connectivity
 * belongs to the nemesis alone). The cluster's own appliers and invariant monitor keep running.
 */
public final class RaftTarget implements NemesisTarget {
  private final RaftCluster cluster;
  private final Topology topology;
  private final List<IntConsumer> listeners = new ArrayList<>();
  private final List<IntConsumer> commitListeners = new ArrayList<>();
  private final StartHook hook;

  private RaftTarget(RaftCluster cluster, StartHook hook) {
    this.cluster = cluster;
    this.hook = hook;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < cluster.n(); i++) {
      ids.add(cluster.id(i));
    }
    this.topology = Topology.oneGroup(ids);
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
          listeners.forEach(l -> l.accept(i));
        });
  }

  /**
   * A cluster of {@code n} servers running {@code factory}, long delays on as in every Raft test;
   * {@code snapshot} selects the 3D snapshotting applier.
   */
  public static RaftTarget create(
      Simulation sim, int n, boolean reliable, boolean snapshot, RaftFactory factory) {
    StartHook hook = new StartHook();
    return new RaftTarget(new RaftCluster(sim, n, reliable, snapshot, hook.wrap(factory)), hook);
  }

  public RaftCluster cluster() {
    return cluster;
  }

  /**
   * {@code listener} sees each incarnation start and every message it applies (only for a Raft
   * offering {@link simlab.raft.RaftIntrospection}, whose starting point is known).
   */
  public void onApply(StartHook.ApplyListener listener) {
    hook.onApply(listener);
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
    sim().crash(cluster.id(node));
  }

  @Override
  public void restart(int node) {
    sim().restart(cluster.id(node));
  }

  @Override
  public OptionalInt leader(int group) {
    return Leaders.highestTerm(topology.nodes(), id -> cluster.raft(topology.nodes().indexOf(id)));
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
