package simlab.workload;

import java.time.Duration;
import java.util.function.IntFunction;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;

/**
 * One client as an event-driven loop: issues operation 0, 1, ... (one at a time) up to a limit,
 * pausing {@code think} after each completion, until the limit or {@link #stop()}.
 */
final class OpLoop {
  private final Simulation sim;
  private final int limit;
  private final Duration think;
  private final IntFunction<SimFuture<?>> op;
  private int issued;
  private int completed;
  private boolean stopping;
  private boolean inFlight;

  OpLoop(Simulation sim, int limit, Duration think, IntFunction<SimFuture<?>> op) {
    this.sim = sim;
    this.limit = limit;
    this.think = think;
    this.op = op;
  }

  void start() {
    next();
  }

  private void next() {
    if (stopping || issued >= limit) {
      return;
    }
    inFlight = true;
    op.apply(issued++)
        .onComplete(
            v -> {
              inFlight = false;
              completed++;
              if (think.isZero()) {
                next();
              } else {
                sim.schedule(think, this::next);
              }
            });
  }

  void stop() {
    stopping = true;
  }

  /** No operation in flight and none will be issued. */
  boolean finished() {
    return !inFlight && (stopping || issued >= limit);
  }

  int completed() {
    return completed;
  }

  /** Operations issued so far (the one in flight included). */
  int issued() {
    return issued;
  }
}
