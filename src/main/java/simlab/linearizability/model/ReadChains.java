package simlab.linearizability.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import simlab.linearizability.Operation;

/**
 * Groups a key's reads (Gets, and Appends that report the old value) into chains: taken in return
 * order, a chain is a run in which each read starts with the one before. Each read is mapped, by
 * identity, to the last and longest read of its chain, its "top"; {@link KvValue#isPrefixOf(String,
 * String)} uses it to remember one comparison for the whole chain. Built once per check before the
 * search, then only read (never iterated).
 */
final class ReadChains {
  private ReadChains() {}

  static Map<String, String> tops(List<List<Operation<KvInput, KvOutput>>> partitions) {
    IdentityHashMap<String, String> tops = new IdentityHashMap<>();
    for (List<Operation<KvInput, KvOutput>> ops : partitions) {
      List<Operation<KvInput, KvOutput>> reads = new ArrayList<>();
      for (Operation<KvInput, KvOutput> op : ops) {
        if (op.input().op() != KvOp.PUT
            && op.input().op() != KvOp.DELETE
            && op.output() != null
            && op.output().value() != null) {
          reads.add(op);
        }
      }
      // A stable sort: equal return times keep history order, so the result is a function of the
      // history.
      reads.sort((a, b) -> Long.compare(a.ret(), b.ret()));
      int start = 0;
      for (int i = 1; i <= reads.size(); i++) {
        if (i == reads.size()
            || !reads.get(i).output().value().startsWith(reads.get(i - 1).output().value())) {
          String top = reads.get(i - 1).output().value();
          for (int j = start; j < i; j++) {
            // A string object in two chains keeps its first top: still a string it is a prefix of.
            tops.putIfAbsent(reads.get(j).output().value(), top);
          }
          start = i;
        }
      }
    }
    return Collections.unmodifiableMap(tops);
  }
}
