package simlab.nemesis;

import java.util.OptionalInt;
import java.util.function.IntConsumer;
import simlab.sim.Simulation;

/**
 * What the nemesis needs from a cluster. Nodes are named by index into {@link Topology#nodes()}.
 * Links, clogs and network modes go through the simulation's network directly (the defaults below),
 * which every cluster shares; crashes, restarts, leader lookup and the Start hook are the cluster's
 * own (see the adapters {@link RaftTarget}, {@link KvTarget}, {@link ShardKvTarget}).
 */
public interface NemesisTarget {
  Simulation sim();

  Topology topology();

  /** Crashes node i, keeping its persister (no-op if it is down). */
  void crash(int node);

  /** Starts a fresh incarnation of node i from its persister. */
  void restart(int node);

  default boolean isAlive(int node) {
    return sim().isAlive(topology().nodes().get(node));
  }

  /** The node leading Raft group {@code group} now (highest term if several claim it), if any. */
  OptionalInt leader(int group);

  /**
   * {@code listener} is told the node index whenever a leader of the target accepts a command
   * through Start.
   */
  void onLeaderStart(IntConsumer listener);

  /**
   * {@code listener} is told the node index whenever a server is the first of its group to apply a
   * command at a new index (the command has just committed).
   */
  void onCommit(IntConsumer listener);

  /**
   * Whether the target has a controller outside the fault domain that drives configuration changes
   * and can be cut off mid-change ({@link Step.CtrlerCut}); shardkv1 does.
   */
  default boolean hasController() {
    return false;
  }

  /** {@code listener} is told whenever the controller begins a configuration change. */
  default void onConfigChange(Runnable listener) {}

  /**
   * Cuts the acting controller off from every node and starts a second controller that must finish
   * the change it was making (see {@link Step.CtrlerCut}). Only called when {@link
   * #hasController()}.
   */
  default void cutController() {
    throw new UnsupportedOperationException("this target has no controller to cut off");
  }

  /** Reconnects the controller cut off by {@link #cutController()}. */
  default void reconnectController() {
    throw new UnsupportedOperationException("this target has no controller to cut off");
  }

  default void setLink(int from, int to, boolean up) {
    sim().network().setLinkEnabled(topology().nodes().get(from), topology().nodes().get(to), up);
  }

  default void setClogged(int node, boolean on) {
    sim().network().setClogged(topology().nodes().get(node), on);
  }

  default void setReliable(boolean reliable) {
    sim().network().setReliable(reliable);
  }

  default void setLongReordering(boolean on) {
    sim().network().setLongReordering(on);
  }

  default void setDuplicating(boolean on) {
    sim().network().setDuplicating(on);
  }
}
