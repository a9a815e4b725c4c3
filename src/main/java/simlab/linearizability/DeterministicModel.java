package simlab.linearizability;

import java.util.List;

/** A model whose every legal step has exactly one successor state. */
public interface DeterministicModel<S, I, O> extends Model<S, I, O> {

  /** The state after the operation, or {@code null} when it is illegal in {@code state}. */
  S next(S state, I input, O output);

  /**
   * True if the operation leaves the state unchanged wherever it is legal (a read, a CAS that
   * failed): {@link #next} then returns its {@code state} argument itself or null. The search uses
   * it to commit to such an operation as soon as it is legal (see {@link WglSearch}), so a wrong
   * true makes verdicts wrong; false, the default, is always safe.
   */
  default boolean readOnly(I input, O output) {
    return false;
  }

  @Override
  default List<S> step(S state, I input, O output) {
    S n = next(state, input, output);
    return n == null ? List.of() : List.of(n);
  }
}
