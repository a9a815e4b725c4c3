package simlab.linearizability;

import java.util.List;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOutput;

/**
 * Tries every order that respects real time: the definition, without cleverness. The oracle the
 * checker's property and reduction tests compare against.
 */
final class BruteForce {
  /** One model step: the state after the operation, or null if its output is impossible. */
  @FunctionalInterface
  interface Transition<S, I, O> {
    S next(S state, I input, O output);
  }

  private BruteForce() {}

  /** The KV oracle, on the model's plain-string state (no map, no cleverness). */
  static boolean linearizable(List<Operation<KvInput, KvOutput>> ops) {
    return linearizable(ops, "", new KvModel()::next);
  }

  static <S, I, O> boolean linearizable(
      List<Operation<I, O>> ops, S initial, Transition<S, I, O> model) {
    return search(ops, model, new boolean[ops.size()], 0, initial);
  }

  private static <S, I, O> boolean search(
      List<Operation<I, O>> ops, Transition<S, I, O> model, boolean[] done, int count, S state) {
    if (count == ops.size()) {
      return true;
    }
    for (int i = 0; i < ops.size(); i++) {
      if (done[i] || !minimal(ops, done, i)) {
        continue;
      }
      S next = model.next(state, ops.get(i).input(), ops.get(i).output());
      if (next == null) {
        continue;
      }
      done[i] = true;
      boolean ok = search(ops, model, done, count + 1, next);
      done[i] = false;
      if (ok) {
        return true;
      }
    }
    return false;
  }

  /** No pending operation returned strictly before op i was called. */
  private static <I, O> boolean minimal(List<Operation<I, O>> ops, boolean[] done, int i) {
    for (int j = 0; j < ops.size(); j++) {
      if (!done[j] && j != i && ops.get(j).ret() < ops.get(i).call()) {
        return false;
      }
    }
    return true;
  }
}
