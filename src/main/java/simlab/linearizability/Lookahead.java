package simlab.linearizability;

/**
 * Optional model knowledge that lets the search drop a state early: given which of a partition's
 * operations are still to be linearized, can any order of them start from this state? For example,
 * if from now on a key's value can only grow by appends, every read still to come must see an
 * extension of the current value.
 *
 * <p>It must be sound: {@link #viable} may return true for a hopeless state (the search then finds
 * out the slow way) but never false for a state that can still be completed. Its answer must depend
 * only on the state and the set of linearized operations, because the search memoises (set, state)
 * pairs. One instance serves one partition's search, on one thread; the search reports every change
 * to the set, in stack order.
 *
 * @param <S> the model's state
 */
public interface Lookahead<S> {
  /** Operation {@code op} (an index into the partition's operation list) was linearized. */
  void linearized(int op);

  /** The most recent {@link #linearized} of {@code op} was taken back. */
  void undone(int op);

  /** False only if no linearization of the remaining operations can start in {@code state}. */
  boolean viable(S state);
}
