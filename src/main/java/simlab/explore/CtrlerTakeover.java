package simlab.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import simlab.shardkv1.ConfigWrites;
import simlab.shardkv1.shardctrler.ShardCtrler;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;

/**
 * The shardkv1 run's side of {@link simlab.nemesis.Step.CtrlerCut}, modelled on 6.5840's 5C
 * recovery tests: the acting controller (node {@code acting}) is cut off from every node, a fresh
 * controller in a node of its own runs {@code initController} at once and must finish the change
 * the first one left half done, and when the first one is reconnected it must bail out.
 *
 * <p>Two things are checked, both properties the reference keeps by its lease: every successor's
 * {@code initController} completes (a liveness condition of the workload, see {@link #pending()}),
 * and the bail-out of 6.5840's TestPartitionControllerJoin5C: when a successor finished a change
 * (the kvsrv accepted a configuration from it) before the first controller was reconnected, then
 * the kvsrv accepts no configuration from the first controller between its reconnection and the end
 * of the change it was making when cut off. A change it begins later is its own, under a lease of
 * its own, and is not restricted.
 */
final class CtrlerTakeover {
  static final String PROPERTY = "Controller bail-out";

  /** A successor controller and the log of its configuration writes. */
  record Successor(String node, ShardCtrler ctrler, ConfigWrites writes) {}

  private final Simulation sim;
  private final String acting;
  private final ConfigWrites actingWrites;
  private final Function<String, Successor> makeSuccessor;
  private final Supplier<SimFuture<Void>> changeInFlight;
  private final List<Cut> cuts = new ArrayList<>();

  /** One cut: what was in flight, the successor, and when the first controller came back. */
  private static final class Cut {
    final SimFuture<Void> change;
    long changeEndedAt = -1;
    final Successor successor;
    final SimFuture<Void> init;
    long reconnectedAt = -1;
    boolean takenOver;

    Cut(SimFuture<Void> change, Successor successor, SimFuture<Void> init) {
      this.change = change;
      this.successor = successor;
      this.init = init;
    }
  }

  /**
   * @param makeSuccessor adds a controller node of the given name
   * @param changeInFlight the first controller's configuration change in progress, or null
   */
  CtrlerTakeover(
      Simulation sim,
      String acting,
      ConfigWrites actingWrites,
      Function<String, Successor> makeSuccessor,
      Supplier<SimFuture<Void>> changeInFlight) {
    this.sim = sim;
    this.acting = acting;
    this.actingWrites = actingWrites;
    this.makeSuccessor = makeSuccessor;
    this.changeInFlight = changeInFlight;
  }

  /** Cuts the acting controller off and starts its successor. */
  void cut() {
    sim.annotate("explore: controller " + acting + " cut off");
    sim.network().isolate(acting);
    SimFuture<Void> change = changeInFlight.get();
    Successor s = makeSuccessor.apply(acting + "-" + (cuts.size() + 2));
    sim.annotate("explore: controller " + s.node() + " starts (initController)");
    Cut c = new Cut(change, s, s.ctrler().initController());
    if (change != null) {
      change.onComplete(v -> c.changeEndedAt = sim.nowNanos());
    }
    cuts.add(c);
  }

  /** Reconnects the acting controller (the last cut's). */
  void reconnect() {
    sim.annotate("explore: controller " + acting + " reconnected");
    for (String other : sim.nodeIds()) {
      if (!other.equals(acting)) {
        sim.network().setConnected(acting, other, true);
      }
    }
    Cut c = cuts.get(cuts.size() - 1);
    c.reconnectedAt = sim.nowNanos();
    c.takenOver = c.init.isDone() && c.successor.writes().wroteAny();
  }

  /** The successors whose initController has not completed yet. */
  List<String> pending() {
    List<String> p = new ArrayList<>();
    for (Cut c : cuts) {
      if (!c.init.isDone()) {
        p.add(c.successor.node() + " initController");
      }
    }
    return p;
  }

  /** How many cuts happened (for reports and tests). */
  int cuts() {
    return cuts.size();
  }

  /**
   * The bail-out check over every cut whose change has ended; throws {@link PropertyFailure} naming
   * {@link #PROPERTY}.
   */
  void check() {
    for (Cut c : cuts) {
      if (!c.takenOver || c.change == null || c.changeEndedAt < 0 || c.reconnectedAt < 0) {
        continue;
      }
      // Writes issued after the change ended belong to later changes of its own.
      List<ConfigWrites.Write> late = actingWrites.issuedBetween(c.reconnectedAt, c.changeEndedAt);
      if (!late.isEmpty()) {
        throw new PropertyFailure(
            PROPERTY,
            "controller "
                + acting
                + " got "
                + late
                + " into the kvsrv after it was reconnected, though "
                + c.successor.node()
                + " had taken over and finished its change (it should bail out)");
      }
    }
  }
}
