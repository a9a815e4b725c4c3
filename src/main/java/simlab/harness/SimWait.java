package simlab.harness;

import java.time.Duration;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;

/** Driver-side waiting on futures, failing with a readable message when time runs out. */
public final class SimWait {
  private SimWait() {}

  /**
   * Runs the simulation until {@code f} completes; fails naming {@code what} after {@code timeout}
   * of virtual time.
   */
  public static <T> T await(Simulation sim, SimFuture<T> f, Duration timeout, String what) {
    if (!sim.runUntil(f::isDone, timeout)) {
      throw new AssertionError(
          what
              + " did not complete within "
              + timeout.toMillis()
              + " ms of virtual time (at "
              + sim.now().toMillis()
              + " ms)");
    }
    return f.get();
  }
}
