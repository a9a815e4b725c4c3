package simlab.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The memo starts with a table sized by the partition (16 slots for a tiny one) and grows as the
 * search needs: no pair is lost or reported new twice across the growth.
 */
class LinearizationCacheTest {
  /** A model whose states are small integers; only its equality and hash matter here. */
  private static final class Ints implements DeterministicModel<Integer, Integer, Integer> {
    @Override
    public Integer initialState() {
      return 0;
    }

    @Override
    public Integer next(Integer state, Integer input, Integer output) {
      return state;
    }
  }

  @Test
  void aTinyPartitionsTableGrowsWithoutLosingPairs() {
    LinearizationCache<Integer> cache = new LinearizationCache<>(new Ints(), 1);
    long smallest = cache.bytes();
    LinearizedSet set = new LinearizedSet(200);
    long hash = 0;
    int added = 0;
    // Sets {0..k} for k < 200, each with states 0..4: 1,000 distinct pairs, some of them
    // with set words beyond the inline two, so the arena is used as well.
    for (int k = 0; k < 200; k++) {
      set.add(k);
      hash ^= 0x9E3779B97F4A7C15L * (k + 1);
      for (int st = 0; st < 5; st++) {
        assertTrue(cache.add(set, hash, st), "set 0.." + k + ", state " + st);
        added++;
      }
    }
    assertEquals(added, cache.size());
    assertTrue(cache.bytes() > smallest, "the table grew");
    // Every pair is now known, whatever its slot was before the growth.
    LinearizedSet again = new LinearizedSet(200);
    long h = 0;
    for (int k = 0; k < 200; k++) {
      again.add(k);
      h ^= 0x9E3779B97F4A7C15L * (k + 1);
      for (int st = 0; st < 5; st++) {
        assertFalse(cache.add(again, h, st), "set 0.." + k + ", state " + st);
      }
    }
    assertEquals(added, cache.size());
  }

  @Test
  void startsSmallForASmallPartitionAndAtMost256Slots() {
    long tiny = new LinearizationCache<>(new Ints(), 2).bytes();
    long big = new LinearizationCache<>(new Ints(), 10_000).bytes();
    // 16 slots of 4 longs plus one reference each, against 256.
    assertEquals(16 * (4 * 8 + 8), tiny);
    assertEquals(256 * (4 * 8 + 8), big);
  }
}
