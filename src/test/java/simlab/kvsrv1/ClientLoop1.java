package simlab.kvsrv1;

import simlab.sim.SimFuture;

/**
 * One client of {@link KvTest1#runClients}: an event-driven loop that runs one step at a time until
 * told to stop (6.5840's {@code done} channel), then finishes with what it counted. A step that
 * finds a violation records it in {@link #failure} and stops the loop.
 */
public abstract class ClientLoop1 {
  private boolean stopping;
  private boolean finished;
  private String failure;
  private int steps;
  private final SimFuture<ClntRes> result = new SimFuture<>();

  /** One step; completes when the step's operations are done. */
  protected abstract SimFuture<?> step();

  /** What the loop counted, read once it stopped. */
  protected abstract ClntRes counted();

  public final void start() {
    next();
  }

  private void next() {
    if (stopping || failure != null) {
      finished = true;
      result.complete(counted());
      return;
    }
    steps++;
    step().onComplete(x -> next());
  }

  /** Asks the loop to stop after the step in progress (closing 6.5840's {@code done}). */
  public final void stop() {
    stopping = true;
  }

  public final boolean finished() {
    return finished;
  }

  /** Steps begun. */
  public final int steps() {
    return steps;
  }

  /** Records a violation (the first one wins) and stops the loop. */
  protected final void fail(String message) {
    if (failure == null) {
      failure = message;
    }
  }

  public final String failure() {
    return failure;
  }

  public final SimFuture<ClntRes> result() {
    return result;
  }
}
