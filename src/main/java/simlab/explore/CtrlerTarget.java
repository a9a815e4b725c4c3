package simlab.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import simlab.nemesis.NemesisTarget;
import simlab.nemesis.Topology;
import simlab.sim.Simulation;

/**
 * A nemesis target with a controller outside its fault domain (shardkv1): the group servers are
 * {@code groups}', and a {@link simlab.nemesis.Step.CtrlerCut} goes to {@link CtrlerTakeover}. The
 * workload calls {@link #changeBegins()} whenever its controller starts a configuration change.
 */
final class CtrlerTarget implements NemesisTarget {
  private final NemesisTarget groups;
  private final CtrlerTakeover takeover;
  private final List<Runnable> changeListeners = new ArrayList<>();

  CtrlerTarget(NemesisTarget groups, CtrlerTakeover takeover) {
    this.groups = groups;
    this.takeover = takeover;
  }

  /** Tells the nemesis that the controller begins a configuration change. */
  void changeBegins() {
    changeListeners.forEach(Runnable::run);
  }

  @Override
  public boolean hasController() {
    return true;
  }

  @Override
  public void onConfigChange(Runnable listener) {
    changeListeners.add(listener);
  }

  @Override
  public void cutController() {
    takeover.cut();
  }

  @Override
  public void reconnectController() {
    takeover.reconnect();
  }

  @Override
  public Simulation sim() {
    return groups.sim();
  }

  @Override
  public Topology topology() {
    return groups.topology();
  }

  @Override
  public void crash(int node) {
    groups.crash(node);
  }

  @Override
  public void restart(int node) {
    groups.restart(node);
  }

  @Override
  public boolean isAlive(int node) {
    return groups.isAlive(node);
  }

  @Override
  public OptionalInt leader(int group) {
    return groups.leader(group);
  }

  @Override
  public void onLeaderStart(IntConsumer listener) {
    groups.onLeaderStart(listener);
  }

  @Override
  public void onCommit(IntConsumer listener) {
    groups.onCommit(listener);
  }
}
