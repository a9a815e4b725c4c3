package simlab.linearizability.model;

import java.util.Arrays;
import java.util.List;
import simlab.linearizability.Lookahead;
import simlab.linearizability.Operation;

/**
 * The etcd register's pruning for one history (see {@link EtcdModel}). A successful read of v, or a
 * successful CAS from v, still to be linearized needs the register to hold v when it takes effect.
 * If it returned before every write or CAS still to come that may set the register to v was called
 * (nil is never written), none of those can come before it, so the register must hold v already and
 * keep it until then. A state is hopeless when two such "orphan" values are needed, or one that is
 * not the current state. This cuts off, early, the orders that strand a read behind the last write
 * of its value, which the plain search finds out only after trying every order of the operations in
 * between. Real-time order is the search's: a write called at the very time a read returns may
 * still come first.
 */
final class EtcdLookahead implements Lookahead<Long> {
  /** Index of the value each operation needs (see class comment), or -1. */
  private final int[] needs;

  /** Index of the value each operation may write, or -1. */
  private final int[] writes;

  /** Each value, by index. */
  private final long[] values;

  /** Per value: the operations that need it, in the order of their return times. */
  private final Ordered[] needers;

  /** Per value: the operations that may write it, in the order of their call times. */
  private final Ordered[] writers;

  /** How many values are needed but can no longer be written in time. */
  private int orphans;

  /** The sum of the orphan values (wrapping): the orphan itself when there is one. */
  private long orphanSum;

  EtcdLookahead(List<Operation<EtcdInput, EtcdOutput>> ops) {
    int n = ops.size();
    needs = new int[n];
    writes = new int[n];
    // Values get dense indices: their ranks among the distinct values needed or written.
    long[] need = new long[n];
    long[] write = new long[n];
    long[] all = new long[2 * n];
    int m = 0;
    for (int o = 0; o < n; o++) {
      EtcdInput in = ops.get(o).input();
      EtcdOutput out = ops.get(o).output();
      // Long.MAX_VALUE marks "none": register values are ints, and nil is Long.MIN_VALUE.
      need[o] = Long.MAX_VALUE;
      write[o] = Long.MAX_VALUE;
      boolean ok = out.status() == EtcdOutput.Status.OK;
      switch (in.op()) {
        case READ -> {
          if (ok) {
            need[o] = out.read() == null ? EtcdModel.NIL : out.read();
          }
        }
        case WRITE -> {
          if (out.status() != EtcdOutput.Status.FAIL) {
            write[o] = in.value();
          }
        }
        case CAS -> {
          if (ok) {
            need[o] = in.value();
          }
          if (out.status() != EtcdOutput.Status.FAIL) {
            write[o] = in.to();
          }
        }
      }
      if (need[o] != Long.MAX_VALUE) {
        all[m++] = need[o];
      }
      if (write[o] != Long.MAX_VALUE) {
        all[m++] = write[o];
      }
    }
    Arrays.sort(all, 0, m);
    int distinct = 0;
    for (int i = 0; i < m; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[distinct++] = all[i];
      }
    }
    values = Arrays.copyOf(all, distinct);
    for (int o = 0; o < n; o++) {
      needs[o] = need[o] == Long.MAX_VALUE ? -1 : Arrays.binarySearch(values, need[o]);
      writes[o] = write[o] == Long.MAX_VALUE ? -1 : Arrays.binarySearch(values, write[o]);
    }
    long[] rets = new long[n];
    long[] calls = new long[n];
    for (int o = 0; o < n; o++) {
      rets[o] = ops.get(o).ret();
      calls[o] = ops.get(o).call();
    }
    needers = Ordered.group(needs, rets, values.length);
    writers = Ordered.group(writes, calls, values.length);
    for (int v = 0; v < values.length; v++) {
      if (orphan(v)) {
        orphans++;
        orphanSum += values[v];
      }
    }
  }

  @Override
  public void linearized(int op) {
    change(op, true);
  }

  @Override
  public void undone(int op) {
    change(op, false);
  }

  @Override
  public boolean viable(Long state) {
    return orphans == 0 || (orphans == 1 && orphanSum == state);
  }

  private void change(int op, boolean done) {
    int v = needs[op];
    if (v >= 0) {
      boolean was = orphan(v);
      needers[v].set(op, done);
      update(v, was);
    }
    v = writes[op];
    if (v >= 0) {
      boolean was = orphan(v);
      writers[v].set(op, done);
      update(v, was);
    }
  }

  private void update(int v, boolean was) {
    boolean now = orphan(v);
    if (now != was) {
      orphans += now ? 1 : -1;
      orphanSum += now ? values[v] : -values[v];
    }
  }

  /** Some read of v still to come returns before every write of v still to come is called. */
  private boolean orphan(int v) {
    return needers[v].first() < writers[v].first();
  }

  /**
   * Some of a history's operations, ordered by a time, with the earliest one not yet linearized at
   * hand. The search takes operations back in stack order, so the cursor only ever moves back to an
   * operation that is taken back.
   */
  private static final class Ordered {
    private final int[] ops;
    private final long[] times;

    /** Per operation of the history: its position in {@link #ops}. */
    private final int[] position;

    private final boolean[] done;
    private int cursor;

    private Ordered(int[] ops, long[] times, int[] position) {
      this.ops = ops;
      this.times = times;
      this.position = position;
      this.done = new boolean[ops.length];
    }

    /** One list per group: the operations o with group[o] == g, ordered by time (then index). */
    static Ordered[] group(int[] group, long[] time, int groups) {
      int n = group.length;
      int[] position = new int[n];
      int[] count = new int[groups];
      for (int g : group) {
        if (g >= 0) {
          count[g]++;
        }
      }
      int[][] members = new int[groups][];
      for (int g = 0; g < groups; g++) {
        members[g] = new int[count[g]];
      }
      int[] filled = new int[groups];
      for (int o = 0; o < n; o++) {
        if (group[o] >= 0) {
          members[group[o]][filled[group[o]]++] = o;
        }
      }
      Ordered[] out = new Ordered[groups];
      for (int g = 0; g < groups; g++) {
        int[] list = members[g];
        int k = list.length;
        sortByTime(list, time);
        long[] times = new long[k];
        for (int i = 0; i < k; i++) {
          times[i] = time[list[i]];
          position[list[i]] = i;
        }
        out[g] = new Ordered(list, times, position);
      }
      return out;
    }

    /** Sorts operations by time, stably (ties stay in index order). */
    private static void sortByTime(int[] list, long[] time) {
      int k = list.length;
      if (k > 32) {
        Integer[] boxed = new Integer[k];
        for (int i = 0; i < k; i++) {
          boxed[i] = list[i];
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(time[a], time[b]));
        for (int i = 0; i < k; i++) {
          list[i] = boxed[i];
        }
        return;
      }
      // Short lists, the usual case: insertion sort allocates nothing.
      for (int i = 1; i < k; i++) {
        int o = list[i];
        int j = i - 1;
        while (j >= 0 && time[list[j]] > time[o]) {
          list[j + 1] = list[j];
          j--;
        }
        list[j + 1] = o;
      }
    }

    /** The time of the earliest operation not yet linearized; Long.MAX_VALUE if none is left. */
    long first() {
      return cursor < ops.length ? times[cursor] : Long.MAX_VALUE;
    }

    void set(int op, boolean isDone) {
      int p = position[op];
      done[p] = isDone;
      if (isDone) {
        while (cursor < ops.length && done[cursor]) {
          cursor++;
        }
      } else if (p < cursor) {
        cursor = p;
      }
    }
  }
}
