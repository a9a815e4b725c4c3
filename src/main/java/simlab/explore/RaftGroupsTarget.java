package simlab.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.IntConsumer;
import simlab.nemesis.Leaders;
import simlab.nemesis.NemesisTarget;
import simlab.nemesis.StartHook;
import simlab.nemesis.Topology;
import simlab.raft.Raft;
import simlab.sim.Simulation;

/**
 * A nemesis target over servers that each host a Raft peer (the 2025 kvraft1 replicas and shardkv1
 * group servers), built by the explorer itself rather than by a graded-suite harness: crashes and
 * restarts go to the simulation, the leader of a group is its live member claiming leadership in
 * the highest term, and "a leader accepted a Start" / "a command committed" come from the {@link
 * StartHook} the servers' Raft factory was wrapped with. Nodes outside every group (clerks in the
 * fault domain) take part in partitions and clogs but never crash.
 */
final class RaftGroupsTarget implements NemesisTarget {
  private final Simulation sim;
  private final Topology topology;
  private final Function<String, Raft> raftOf;
  private final List<IntConsumer> startListeners = new ArrayList<>();
  private final List<IntConsumer> commitListeners = new ArrayList<>();

  /**
   * @param raftOf the Raft peer of a live server's current incarnation, or null
   */
  RaftGroupsTarget(
      Simulation sim, Topology topology, Function<String, Raft> raftOf, StartHook hook) {
    this.sim = sim;
    this.topology = topology;
    this.raftOf = raftOf;
    List<String> ids = topology.nodes();
    hook.onLeaderStart(
        node -> {
          int i = ids.indexOf(node);
          if (i >= 0) {
            startListeners.forEach(l -> l.accept(i));
          }
        });
    hook.onCommit(
        node -> {
          int i = ids.indexOf(node);
          if (i >= 0) {
            commitListeners.forEach(l -> l.accept(i));
          }
        });
  }

  @Override
  public Simulation sim() {
    return sim;
  }

  @Override
  public Topology topology() {
    return topology;
  }

  /** Crashes a server; a node outside every Raft group (a clerk) is left running. */
  @Override
  public void crash(int node) {
    if (inSomeGroup(node)) {
      sim.crash(topology.nodes().get(node));
    }
  }

  @Override
  public void restart(int node) {
    if (inSomeGroup(node)) {
      sim.restart(topology.nodes().get(node));
    }
  }

  private boolean inSomeGroup(int node) {
    return topology.groups().stream().anyMatch(g -> g.contains(node));
  }

  @Override
  public OptionalInt leader(int group) {
    return Leaders.highestTermAmong(
        topology.groups().get(group),
        i -> {
          String id = topology.nodes().get(i);
          return sim.isAlive(id) ? raftOf.apply(id) : null;
        });
  }

  @Override
  public void onLeaderStart(IntConsumer listener) {
    startListeners.add(listener);
  }

  @Override
  public void onCommit(IntConsumer listener) {
    commitListeners.add(listener);
  }
}
