package simlab.linearizability;

/**
 * The set of linearized operations as a bitset that also tracks its leading run of all-ones words
 * and its last non-zero word, so the memo can store just the stretch in between (see {@link
 * LinearizationCache}). Both bounds are kept up to date in amortised O(1) per change instead of
 * being found by scanning.
 */
final class LinearizedSet {
  private final long[] words;

  /** words[0, full) are all ones; words[full] is not (or full == words.length). */
  private int full;

  /** words[used, ...) are all zero; words[used - 1] is not (or used == 0). */
  private int used;

  LinearizedSet(int bits) {
    words = new long[(bits + 63) >>> 6];
  }

  void add(int bit) {
    int w = bit >>> 6;
    words[w] |= 1L << bit;
    if (w >= used) {
      used = w + 1;
    }
    while (full < words.length && words[full] == -1L) {
      full++;
    }
  }

  void remove(int bit) {
    int w = bit >>> 6;
    words[w] &= ~(1L << bit);
    if (w < full) {
      full = w;
    }
    while (used > 0 && words[used - 1] == 0) {
      used--;
    }
  }

  long[] words() {
    return words;
  }

  int fullWords() {
    return full;
  }

  int usedWords() {
    return used;
  }
}
