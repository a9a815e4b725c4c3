package simlab.linearizability;

import java.util.Arrays;
import java.util.List;

/**
 * The call and return entries of one partition in time order, as a doubly linked list over int
 * arrays so that lifting an operation out (and putting it back on backtrack) is O(1) and
 * allocation-free. Entry 0 is the head sentinel; -1 ends the list.
 */
final class EntryList {
  static final int END = -1;

  private final int[] next;
  private final int[] prev;
  private final int[] op;
  private final int[] match;
  private final boolean[] isCall;

  private EntryList(int entries) {
    next = new int[entries + 1];
    prev = new int[entries + 1];
    op = new int[entries + 1];
    match = new int[entries + 1];
    isCall = new boolean[entries + 1];
  }

  /**
   * Orders entries by time; at equal times calls come before returns, so operations that merely
   * touch are treated as concurrent (the lenient reading of a coarse clock).
   */
  static <I, O> EntryList of(List<Operation<I, O>> ops) {
    int n = ops.size();
    // Sort on primitive keys: (time, return after call, operation index), packed into one
    // long as x << (b + 1) | isReturn << b | index, where x orders like the time.
    long[] times = new long[2 * n];
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int o = 0; o < n; o++) {
      long call = ops.get(o).call();
      long ret = ops.get(o).ret();
      times[2 * o] = call;
      times[2 * o + 1] = ret;
      min = Math.min(min, call);
      max = Math.max(max, ret);
    }
    int b = 32 - Integer.numberOfLeadingZeros(Math.max(n - 1, 1));
    long[] keys = new long[2 * n];
    long span = max - min;
    if (n > 0 && span >= 0 && span >>> (62 - b) == 0) {
      // Times within a small span (line numbers, virtual nanoseconds of a short run) are
      // their own order key: one sort, no ranking. This is most of a small check's set-up.
      for (int k = 0; k < 2 * n; k++) {
        keys[k] = (times[k] - min) << (b + 1) | (long) (k & 1) << b | (k >>> 1);
      }
    } else {
      // Otherwise rank the distinct times first, so the key cannot overflow.
      long[] distinct = times.clone();
      Arrays.sort(distinct);
      for (int k = 0; k < 2 * n; k++) {
        long rank = Arrays.binarySearch(distinct, times[k]);
        keys[k] = rank << (b + 1) | (long) (k & 1) << b | (k >>> 1);
      }
    }
    Arrays.sort(keys);
    long opMask = (1L << b) - 1;
    EntryList list = new EntryList(2 * n);
    int[] entryOfCall = new int[n];
    int last = 0;
    for (int pos = 0; pos < keys.length; pos++) {
      int o = (int) (keys[pos] & opMask);
      boolean call = ((keys[pos] >>> b) & 1) == 0;
      int e = pos + 1;
      list.op[e] = o;
      list.isCall[e] = call;
      if (call) {
        entryOfCall[o] = e;
      } else {
        list.match[entryOfCall[o]] = e;
        list.match[e] = entryOfCall[o];
      }
      list.prev[e] = last;
      list.next[last] = e;
      last = e;
    }
    list.next[last] = END;
    return list;
  }

  int first() {
    return next[0];
  }

  int next(int e) {
    return next[e];
  }

  boolean isCall(int e) {
    return isCall[e];
  }

  int op(int e) {
    return op[e];
  }

  /** Removes a call entry and its return. */
  void lift(int call) {
    unlink(call);
    unlink(match[call]);
  }

  /** Reverses {@link #lift}; must be called in the reverse order of lifts. */
  void unlift(int call) {
    relink(match[call]);
    relink(call);
  }

  private void unlink(int e) {
    int p = prev[e];
    int nx = next[e];
    next[p] = nx;
    if (nx != END) {
      prev[nx] = p;
    }
  }

  private void relink(int e) {
    int p = prev[e];
    int nx = next[e];
    next[p] = e;
    if (nx != END) {
      prev[nx] = e;
    }
  }

  /** Operation indices in return order, for finding the first operation left out. */
  int[] opsByReturn() {
    int n = (next.length - 1) / 2;
    int[] out = new int[n];
    int i = 0;
    for (int e = 1; e < next.length; e++) {
      if (!isCall[e]) {
        out[i++] = op[e];
      }
    }
    return out;
  }
}
