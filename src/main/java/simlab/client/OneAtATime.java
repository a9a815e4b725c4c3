package simlab.client;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Keeps a clerk to one operation in flight, the rest waiting in submission order. Clerks number
 * their requests (clientId, seq) and servers treat a seq at or below the last one applied as a
 * duplicate, so a later request must never overtake an earlier one.
 *
 * @param <T> the clerk's record of one pending operation
 */
public final class OneAtATime<T> {
  private final Consumer<T> start;
  private final ArrayDeque<T> waiting = new ArrayDeque<>();
  private boolean busy;

  /** {@code start} begins one operation; the clerk calls {@link #finishCurrent} when it is over. */
  public OneAtATime(Consumer<T> start) {
    this.start = start;
  }

  /** Starts {@code op} now if nothing is in flight, otherwise after those submitted before it. */
  public void submit(T op) {
    waiting.addLast(op);
    if (!busy) {
      finishCurrent();
    }
  }

  /**
   * The operation in flight is over (call after completing its result, so that result's listeners
   * run before the next request is sent): starts the next waiting one, if any.
   */
  public void finishCurrent() {
    T next = waiting.pollFirst();
    if (next == null) {
      busy = false;
      return;
    }
    busy = true;
    start.accept(next);
  }
}
