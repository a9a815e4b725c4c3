package simlab.shardctrler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The rebalancing rule: balanced within one, deterministic, and no avoidable move. */
class RebalancerTest {

  @Test
  void randomJoinsAndLeavesStayBalancedAndMoveOnlyWhatMust() {
    Random r = new Random(42); // a seeded unit test, not simulation code
    for (int trial = 0; trial < 500; trial++) {
      TreeMap<Integer, String> groups = new TreeMap<>();
      List<Integer> shards = Config.initial().shards();
      for (int step = 0; step < 20; step++) {
        int gid = 1 + r.nextInt(15);
        if (groups.containsKey(gid) && r.nextBoolean()) {
          groups.remove(gid);
        } else {
          groups.put(gid, "g" + gid);
        }
        ImmutableSortedMap<Integer, String> g = ImmutableSortedMap.copyOf(groups);
        ImmutableList<Integer> next = Rebalancer.rebalance(shards, g);
        assertEquals(next, Rebalancer.rebalance(shards, g), "deterministic");
        check(shards, next, g);
        shards = next;
      }
    }
  }

  private static void check(
      List<Integer> before, List<Integer> after, ImmutableSortedMap<Integer, String> groups) {
    if (groups.isEmpty()) {
      assertTrue(after.stream().allMatch(g -> g == 0));
      return;
    }
    int n = after.size();
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (int gid : groups.keySet()) {
      int c = (int) after.stream().filter(g -> g == gid).count();
      min = Math.min(min, c);
      max = Math.max(max, c);
    }
    assertTrue(max - min <= 1, "balanced: " + after);
    assertTrue(
        after.stream().allMatch(groups::containsKey), "every shard on a live group: " + after);
    // Minimal: the number of moved shards equals what the target counts force.
    int forced = 0;
    int base = n / groups.size();
    List<Integer> counts = new ArrayList<>();
    for (int gid : groups.keySet()) {
      counts.add((int) before.stream().filter(g -> g == gid).count());
    }
    counts.sort((a, b) -> b - a);
    int extra = n % groups.size();
    for (int i = 0; i < counts.size(); i++) {
      int target = base + (i < extra ? 1 : 0);
      forced += Math.max(0, target - counts.get(i));
    }
    int moved = 0;
    for (int s = 0; s < n; s++) {
      if (!before.get(s).equals(after.get(s))) {
        moved++;
      }
    }
    assertEquals(forced, moved, "moved more shards than needed: " + before + " -> " + after);
  }
}
