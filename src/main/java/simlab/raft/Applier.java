package simlab.raft;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import simlab.sim.NodeContext;

/**
 * Delivers committed entries and installed snapshots to the service, in order, from an
 * event of its own. Running outside the step that advanced the commit index lets the
 * service call {@code snapshot()} or {@code start()} from inside the callback; the
 * core's apply cursor moves before each callback, so no index is delivered twice or
 * skipped even when the callback re-enters Raft.
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
        ApplyMsg msg = core.nextApply();
        if (msg == null) {
          return;
        }
        applyCh.accept(msg);
      }
    } finally {
      running = false;
    }
  }
}
