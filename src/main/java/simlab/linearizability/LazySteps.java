package simlab.linearizability;

import java.util.AbstractList;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A linearization whose states are described only when a step is read. Describing every state up
 * front cost O(steps * value length): for a 15,000-operation append history, hundreds of megabytes
 * of strings that only an HTML report ever looks at. Immutable.
 */
final class LazySteps extends AbstractList<LinearizedStep> implements RandomAccess {
  private final int[] ops;
  private final Object[] states;
  private final Function<Object, String> describe;

  LazySteps(int[] ops, Object[] states, Function<Object, String> describe) {
    this.ops = ops;
    this.states = states;
    this.describe = describe;
  }

  @Override
  public LinearizedStep get(int k) {
    return new LinearizedStep(ops[k], describe.apply(states[k]));
  }

  @Override
  public int size() {
    return ops.length;
  }

  /** The operation of step k, without describing its state. */
  int operation(int k) {
    return ops[k];
  }
}
