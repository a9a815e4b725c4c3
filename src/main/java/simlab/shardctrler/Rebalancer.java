package simlab.shardctrler;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deterministic rebalancing with minimal movement. The rule (also in labs/lab5-shards.md):
 *
 * <ol>
 *   <li>With G groups, every group gets {@code NSHARDS / G} shards and {@code NSHARDS % G} groups
 *       get one more, so counts differ by at most one.
 *   <li>The extra shards go to the groups that already hold the most shards (ties: lower gid
 *       first). This choice maximises what stays in place.
 *   <li>Shards on gid 0 or on a group that left are free. Each group above its target frees its
 *       highest-numbered shards until it is at its target.
 *   <li>Free shards, lowest number first, fill the groups below their target, lowest gid first.
 * </ol>
 *
 * A shard moves only if it was free or its group was above target, and every group below target
 * only receives, so no shard moves twice and no move is avoidable. All iteration is over sorted
 * structures: the result depends only on the input.
 */
public final class Rebalancer {
  private Rebalancer() {}

  /**
   * Returns new shard assignments for {@code groups} (sorted by gid), starting from {@code shards}.
   */
  public static ImmutableList<Integer> rebalance(
      List<Integer> shards, ImmutableSortedMap<Integer, ?> groups) {
    int n = shards.size();
    if (groups.isEmpty()) {
      return ImmutableList.copyOf(java.util.Collections.nCopies(n, 0));
    }
    Integer[] out = shards.toArray(new Integer[0]);
    Map<Integer, List<Integer>> held = new TreeMap<>();
    for (int gid : groups.keySet()) {
      held.put(gid, new ArrayList<>());
    }
    List<Integer> free = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      List<Integer> h = held.get(out[s]);
      if (h == null) {
        free.add(s);
      } else {
        h.add(s);
      }
    }
    Map<Integer, Integer> target = targets(held, n);
    for (Map.Entry<Integer, List<Integer>> e : held.entrySet()) {
      List<Integer> h = e.getValue();
      while (h.size() > target.get(e.getKey())) {
        free.add(h.remove(h.size() - 1));
      }
    }
    free.sort(Comparator.naturalOrder());
    Deque<Integer> pool = new ArrayDeque<>(free);
    for (Map.Entry<Integer, List<Integer>> e : held.entrySet()) {
      int want = target.get(e.getKey()) - e.getValue().size();
      for (int i = 0; i < want; i++) {
        out[pool.removeFirst()] = e.getKey();
      }
    }
    return ImmutableList.copyOf(out);
  }

  private static Map<Integer, Integer> targets(Map<Integer, List<Integer>> held, int n) {
    int g = held.size();
    int base = n / g;
    int extra = n % g;
    List<Integer> order = new ArrayList<>(held.keySet());
    order.sort(
        Comparator.<Integer>comparingInt(gid -> -held.get(gid).size())
            .thenComparingInt(gid -> gid));
    Map<Integer, Integer> target = new TreeMap<>();
    for (int i = 0; i < order.size(); i++) {
      target.put(order.get(i), base + (i < extra ? 1 : 0));
    }
    return target;
  }
}
