package simlab.linearizability;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sequential specification: what a single copy of the object would do.
 *
 * <p>States must be immutable values. A step may allow several successor states, which models
 * operations whose effect is not known to the client (for example "this request may or may not have
 * been applied"); deterministic models implement {@link DeterministicModel} instead, which avoids
 * allocating a list per step.
 *
 * @param <S> state, immutable
 * @param <I> operation input
 * @param <O> operation output
 */
public interface Model<S, I, O> {

  S initialState();

  /**
   * The states the object may be in after an operation with this input and output takes effect in
   * {@code state}; empty when the output is impossible in that state.
   */
  List<S> step(S state, I input, O output);

  default boolean stateEquals(S a, S b) {
    return Objects.equals(a, b);
  }

  default int stateHash(S state) {
    return Objects.hashCode(state);
  }

  /**
   * Splits a history into independent sub-histories (P-compositionality, e.g. one per key); the
   * history is linearizable iff every part is. Order of parts must be deterministic because results
   * are reported in that order.
   */
  default List<List<Operation<I, O>>> partition(List<Operation<I, O>> history) {
    return List.of(history);
  }

  /**
   * Pruning knowledge for one partition's search (see {@link Lookahead}), or null for none. Called
   * once per partition with that partition's operations.
   */
  default Lookahead<S> lookahead(List<Operation<I, O>> partition) {
    return null;
  }

  default String describeOperation(I input, O output) {
    return input + " -> " + output;
  }

  default String describeState(S state) {
    return String.valueOf(state);
  }

  /**
   * What one part from {@link #partition} is, for people reading a report (for example {@code key
   * "7"}); empty when the model has nothing better than the part's number.
   */
  default Optional<String> describePartition(List<Operation<I, O>> operations) {
    return Optional.empty();
  }
}
