package simlab.linearizability;

import java.util.List;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOutput;

/** Tries every order that respects real time: the definition, without cleverness. */
final class BruteForce {
  private BruteForce() {}

  static boolean linearizable(List<Operation<KvInput, KvOutput>> ops) {
    return search(ops, new boolean[ops.size()], 0, "");
  }

  private static boolean search(
      List<Operation<KvInput, KvOutput>> ops, boolean[] done, int count, String state) {
    if (count == ops.size()) {
      return true;
    }
    for (int i = 0; i < ops.size(); i++) {
      if (done[i] || !minimal(ops, done, i)) {
        continue;
      }
      String next = new KvModel().next(state, ops.get(i).input(), ops.get(i).output());
      if (next == null) {
        continue;
      }
      done[i] = true;
      boolean ok = search(ops, done, count + 1, next);
      done[i] = false;
      if (ok) {
        return true;
      }
    }
    return false;
  }

  /** No pending operation returned strictly before op i was called. */
  private static boolean minimal(List<Operation<KvInput, KvOutput>> ops, boolean[] done, int i) {
    for (int j = 0; j < ops.size(); j++) {
      if (!done[j] && j != i && ops.get(j).ret() < ops.get(i).call()) {
        return false;
      }
    }
    return true;
  }
}
