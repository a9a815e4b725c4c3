package simlab.harness;

import java.time.Duration;
import java.util.function.Supplier;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;

/**
 * One simulated client thread of a test: runs {@code step} (which issues one operation) again and
 * again, pausing {@code pause} after each completion, until {@link #stop()}; the operation in
 * flight then finishes and the loop goes {@link #idle()}.
 */
public final class ClientLoop {
  private final Simulation sim;
  private final Duration pause;
  private final Supplier<SimFuture<?>> step;
  private boolean stopping;
  private boolean idle = true;
  private long completed;

  public ClientLoop(Simulation sim, Duration pause, Supplier<SimFuture<?>> step) {
    this.sim = sim;
    this.pause = pause;
    this.step = step;
  }

  public void start() {
    idle = false;
    next();
  }

  private void next() {
    if (stopping) {
      idle = true;
      return;
    }
    step.get()
        .onComplete(
            v -> {
              completed++;
              if (pause.isZero()) {
                next();
              } else {
                sim.schedule(pause, this::next);
              }
            });
  }

  public void stop() {
    stopping = true;
  }

  public boolean idle() {
    return idle;
  }

  public long completed() {
    return completed;
  }
}
