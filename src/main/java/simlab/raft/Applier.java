package simlab.raft;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import simlab.sim.NodeContext;

/**
 * Delivers committed entries and installed snapshots to the service, in order, from an event of its
 * own: it takes the core's apply step ({@link RaftCore#readyToApply()}), advances it, then hands
 * each message to the service. Running outside the step that advanced the commit index lets the
 * service call {@code snapshot()} or {@code start()} from inside the callback (each a step of its
 * own); the apply cursor moves on advance, before the first callback, so no index is delivered
 * twice or skipped even when the callback re-enters Raft. Entries committed by such a re-entrant
 * step are picked up by the next round of the same loop.
 */
final class Applier {
  private final NodeContext ctx;
  private final RaftCore core;
  private final Consumer<ApplyMsg> applyCh;
  private final BooleanSupplier killed;
  private boolean scheduled;
  private boolean running;

  Applier(NodeContext ctx, RaftCore core, Consumer<ApplyMsg> applyCh, BooleanSupplier killed) {
    this.ctx = ctx;
    this.core = core;
    this.applyCh = applyCh;
    this.killed = killed;
  }

  void schedule() {
    if (!scheduled && !running && !killed.getAsBoolean()) {
      scheduled = true;
      ctx.defer(this::run);
    }
  }

  private void run() {
    scheduled = false;
    running = true;
    try {
      while (!killed.getAsBoolean()) {
        Ready ready = core.readyToApply();
        core.advance(ready);
        if (ready.toApply().isEmpty()) {
          return;
        }
        for (ApplyMsg msg : ready.toApply()) {
          if (killed.getAsBoolean()) {
            return;
          }
          applyCh.accept(msg);
        }
      }
    } finally {
      running = false;
    }
  }
}
