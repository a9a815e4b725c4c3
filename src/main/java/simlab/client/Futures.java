package simlab.client;

import simlab.sim.SimFuture;

/** Small adapters between clerk futures. */
public final class Futures {
  private Futures() {}

  /** Completes (with null) when {@code f} completes: for writes whose interface returns nothing. */
  public static SimFuture<Void> whenDone(SimFuture<?> f) {
    SimFuture<Void> v = new SimFuture<>();
    f.onComplete(x -> v.complete(null));
    return v;
  }
}
