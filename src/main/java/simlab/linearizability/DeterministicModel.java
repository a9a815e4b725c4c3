package simlab.linearizability;

import java.util.List;

/** A model whose every legal step has exactly one successor state. */
public interface DeterministicModel<S, I, O> extends Model<S, I, O> {

  /** The state after the operation, or {@code null} when it is illegal in {@code state}. */
  S next(S state, I input, O output);

  @Override
  default List<S> step(S state, I input, O output) {
    S n = next(state, input, output);
    return n == null ? List.of() : List.of(n);
  }
}
