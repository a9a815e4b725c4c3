package simlab.linearizability;

/**
 * The memo of the search: the set of (linearized operations, model state) pairs already explored.
 * Reaching a pair twice means the subtree below it was already searched.
 *
 * <p>Open addressing over one interleaved {@code long[]}, because a general-purpose HashSet would
 * need a key object per probe, and the search is bound by cache misses: a slot's hash, set bounds
 * and (for small sets) the set's words share one 32-byte stretch, so a probe usually touches one
 * cache line, and a hit adds only the state comparison. The 64-bit hash is stored so most
 * mismatches are rejected without comparing sets or states; hash 0 marks a free slot (a real 0 is
 * stored as 1).
 *
 * <p>Sets are stored compactly (see {@link LinearizedSet}): only the words between the leading run
 * of all-ones words and the last non-zero word. The search numbers operations by call order, so
 * that stretch is the window of operations in flight: up to two words live in the slot itself,
 * longer stretches in one shared arena. An entry costs a few words however long the history is. The
 * table starts small and doubles: memory follows what the search visits, not the operation count.
 */
final class LinearizationCache<S> {
  /** The most slots a table starts with; it doubles from there as the search needs. */
  private static final int MAX_INITIAL_SLOTS = 256;

  private static final int MIN_SLOTS = 16;

  /** longs per slot: hash, (full words << 32 | length), then two words or the arena offset. */
  private static final int STRIDE = 4;

  private static final int INLINE_WORDS = 2;

  private final Model<S, ?, ?> model;
  private long[] table;

  /** Slot i's state, at index i. */
  private Object[] states;

  private long[] arena = new long[0];
  private int arenaUsed;
  private int size;
  private int mask;

  /**
   * @param operations the partition's operation count: a small partition (a key of a short kv
   *     history) starts with a small table, since a tiny check's cost is mostly its allocation
   */
  LinearizationCache(Model<S, ?, ?> model, int operations) {
    this.model = model;
    int want = Integer.highestOneBit(Math.max(1, 4 * operations));
    allocate(Math.max(MIN_SLOTS, Math.min(MAX_INITIAL_SLOTS, want)));
  }

  private void allocate(int cap) {
    table = new long[cap * STRIDE];
    states = new Object[cap];
    mask = cap - 1;
  }

  /**
   * Adds the pair unless present.
   *
   * @param set the linearized set; its stored part is copied only when added
   * @param setHash an order-independent hash of {@code set}
   * @return true if the pair was new
   */
  @SuppressWarnings("unchecked")
  boolean add(LinearizedSet set, long setHash, S state) {
    long h = mix(setHash + 0x9E3779B97F4A7C15L * model.stateHash(state));
    if (h == 0) {
      h = 1;
    }
    int from = set.fullWords();
    int length = set.usedWords() - from;
    long meta = (long) from << 32 | length;
    long[] words = set.words();
    long[] t = table;
    int i = (int) (h >>> 32) & mask;
    while (true) {
      int base = i * STRIDE;
      long stored = t[base];
      if (stored == 0) {
        break;
      }
      if (stored == h
          && t[base + 1] == meta
          && sameWords(base, words, from, length)
          && model.stateEquals((S) states[i], state)) {
        return false;
      }
      i = (i + 1) & mask;
    }
    int base = i * STRIDE;
    t[base] = h;
    t[base + 1] = meta;
    if (length <= INLINE_WORDS) {
      for (int w = 0; w < length; w++) {
        t[base + 2 + w] = words[from + w];
      }
    } else {
      if (arenaUsed + length > arena.length) {
        long[] bigger = new long[Math.max(Math.max(1024, arena.length * 2), arenaUsed + length)];
        System.arraycopy(arena, 0, bigger, 0, arenaUsed);
        arena = bigger;
      }
      System.arraycopy(words, from, arena, arenaUsed, length);
      t[base + 2] = arenaUsed;
      arenaUsed += length;
    }
    states[i] = state;
    if (++size * 2 > states.length) {
      grow();
    }
    return true;
  }

  int size() {
    return size;
  }

  /** Roughly what the memo holds, not counting the states themselves. */
  long bytes() {
    return (long) table.length * 8 + (long) states.length * 8 + (long) arena.length * 8;
  }

  /** Whether the slot at {@code base} (whose bounds already match) holds these words. */
  private boolean sameWords(int base, long[] words, int from, int length) {
    if (length <= INLINE_WORDS) {
      for (int w = 0; w < length; w++) {
        if (table[base + 2 + w] != words[from + w]) {
          return false;
        }
      }
      return true;
    }
    int offset = (int) table[base + 2];
    for (int w = 0; w < length; w++) {
      if (arena[offset + w] != words[from + w]) {
        return false;
      }
    }
    return true;
  }

  private void grow() {
    long[] oldTable = table;
    Object[] oldStates = states;
    allocate(oldStates.length * 2);
    for (int j = 0; j < oldStates.length; j++) {
      int oldBase = j * STRIDE;
      long h = oldTable[oldBase];
      if (h != 0) {
        int i = (int) (h >>> 32) & mask;
        while (table[i * STRIDE] != 0) {
          i = (i + 1) & mask;
        }
        System.arraycopy(oldTable, oldBase, table, i * STRIDE, STRIDE);
        states[i] = oldStates[j];
      }
    }
  }

  /** Spreads the bits so the high bits used for the slot index depend on all of them. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
