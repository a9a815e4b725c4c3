package simlab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A result that is completed by an event inside the simulation; the test driver waits for it with
 * {@link Simulation#await}. Not thread-safe on purpose: one thread runs a simulation.
 */
public final class SimFuture<T> {
  private boolean done;
  private T value;
  private List<Consumer<T>> listeners = new ArrayList<>();

  /** Completes the future; later completions are ignored. Returns whether this one won. */
  public boolean complete(T result) {
    if (done) {
      return false;
    }
    done = true;
    value = result;
    List<Consumer<T>> toRun = listeners;
    listeners = null;
    for (Consumer<T> l : toRun) {
      l.accept(result);
    }
    return true;
  }

  public boolean isDone() {
    return done;
  }

  /** The value; fails if not yet completed. */
  public T get() {
    if (!done) {
      throw new IllegalStateException("future not completed yet");
    }
    return value;
  }

  public void onComplete(Consumer<T> listener) {
    if (done) {
      listener.accept(value);
    } else {
      listeners.add(listener);
    }
  }

  public static <T> SimFuture<T> completed(T value) {
    SimFuture<T> f = new SimFuture<>();
    f.complete(value);
    return f;
  }
}
