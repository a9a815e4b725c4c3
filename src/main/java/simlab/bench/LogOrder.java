package simlab.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Linearizability of a replicated log without reads: every acknowledged command must sit at an
 * index above every command acknowledged before it was proposed. A command's index is its first
 * occurrence (a retried command may be in the log twice).
 */
final class LogOrder {
  private LogOrder() {}

  /** Null if the order holds, else a description of the first violation. */
  static String check(List<OpRecord> ops, Function<String, Integer> firstIndex) {
    List<OpRecord> acked = new ArrayList<>(ops.stream().filter(OpRecord::ok).toList());
    for (OpRecord o : acked) {
      if (firstIndex.apply(o.value()) == null) {
        return "command " + o.value() + " was acknowledged but is not in the committed log";
      }
    }
    List<OpRecord> byEnd = new ArrayList<>(acked);
    byEnd.sort(Comparator.comparingLong(OpRecord::endNanos));
    List<OpRecord> byCall = new ArrayList<>(acked);
    byCall.sort(Comparator.comparingLong(OpRecord::callNanos));
    int j = 0;
    int maxIndex = 0;
    OpRecord maxOp = null;
    for (OpRecord b : byCall) {
      while (j < byEnd.size() && byEnd.get(j).endNanos() < b.callNanos()) {
        OpRecord a = byEnd.get(j++);
        int ia = firstIndex.apply(a.value());
        if (ia > maxIndex) {
          maxIndex = ia;
          maxOp = a;
        }
      }
      int ib = firstIndex.apply(b.value());
      if (maxOp != null && ib <= maxIndex) {
        return "command "
            + b.value()
            + " (index "
            + ib
            + ") was proposed after command "
            + maxOp.value()
            + " (index "
            + maxIndex
            + ") was acknowledged";
      }
    }
    return null;
  }
}
