package simlab.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.raft.RaftIntrospection;
import simlab.sim.NodeContext;
import simlab.sim.Simulation;

/**
 * Attaches a {@link RaftInvariantMonitor} to one Raft group hosted inside service nodes (KV
 * servers, controller replicas, shard groups), whose harness has no applier of its own to feed it:
 * {@link #wrap} wraps the group's {@link RaftFactory} so the monitor sees each incarnation's Raft
 * and every message it applies, without changing the service. The monitor runs after every event,
 * as in the Raft suites.
 *
 * <p>Applies are reported only for a Raft offering {@link RaftIntrospection}, whose starting point
 * (its snapshot index) is known; without it the monitor still checks Election Safety through {@link
 * Raft#getState()}.
 */
public final class RaftGroupMonitor {
  private final Simulation sim;
  private final List<String> ids;
  private final Raft[] current;
  private final RaftInvariantMonitor monitor;

  /**
   * @param ids the node ids of the group's servers, in peer order
   */
  public RaftGroupMonitor(Simulation sim, List<String> ids) {
    this.sim = sim;
    this.ids = List.copyOf(ids);
    this.current = new Raft[ids.size()];
    this.monitor =
        new RaftInvariantMonitor(
            sim, this.ids, i -> sim.isAlive(this.ids.get(i)) ? current[i] : null);
    sim.addMonitor(monitor);
    // Every Raft group inside a service (KV, controller, shard group) gets its status lanes in
    // the run report from here; the probe does nothing unless the run keeps its trace.
    RaftStatusProbe.attach(sim, this.ids, i -> sim.isAlive(this.ids.get(i)) ? current[i] : null);
  }

  public RaftInvariantMonitor monitor() {
    return monitor;
  }

  /** {@code factory} with every peer it makes for this group's nodes reported to the monitor. */
  public RaftFactory wrap(RaftFactory factory) {
    return (ctx, peers, me, applyCh) -> make(factory, ctx, peers, me, applyCh);
  }

  private Raft make(
      RaftFactory factory,
      NodeContext ctx,
      List<String> peers,
      int me,
      Consumer<ApplyMsg> applyCh) {
    int s = ids.indexOf(ctx.id());
    if (s < 0) {
      return factory.make(ctx, peers, me, applyCh);
    }
    // Applies delivered while the factory is still inside make() are reported once it
    // returns, when the incarnation's starting point is known.
    List<ApplyMsg> early = new ArrayList<>();
    boolean[] ready = {false};
    boolean[] reporting = {false};
    Raft raft =
        factory.make(
            ctx,
            peers,
            me,
            msg -> {
              if (ctx.alive()) {
                if (ready[0]) {
                  if (reporting[0]) {
                    monitor.observeApply(s, msg);
                  }
                } else {
                  early.add(msg);
                }
              }
              applyCh.accept(msg);
            });
    current[s] = raft;
    if (raft instanceof RaftIntrospection view) {
      monitor.serverStarted(s, view.snapshotIndex());
      early.forEach(m -> monitor.observeApply(s, m));
      reporting[0] = true;
    }
    ready[0] = true;
    return raft;
  }
}
