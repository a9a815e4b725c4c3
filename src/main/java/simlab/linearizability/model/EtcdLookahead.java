package simlab.linearizability.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    // The map is used only here; the search itself touches arrays alone.
    Map<Long, Integer> index = new HashMap<>();
    for (int o = 0; o < n; o++) {
      EtcdInput in = ops.get(o).input();
      EtcdOutput out = ops.get(o).output();
      long need = Long.MAX_VALUE;
      long write = Long.MAX_VALUE;
      boolean ok = out.status() == EtcdOutput.Status.OK;
      switch (in.op()) {
        case READ -> {
          if (ok) {
            need = out.read() == null ? EtcdModel.NIL : out.read();
          }
        }
        case WRITE -> {
          if (out.status() != EtcdOutput.Status.FAIL) {
            write = in.value();
          }
        }
        case CAS -> {
          if (ok) {
            need = in.value();
          }
          if (out.status() != EtcdOutput.Status.FAIL) {
            write = in.to();
          }
        }
      }
      // Long.MAX_VALUE marks "none": register values are ints, and nil is Long.MIN_VALUE.
      needs[o] = need == Long.MAX_VALUE ? -1 : index.computeIfAbsent(need, v -> index.size());
      writes[o] = write == Long.MAX_VALUE ? -1 : index.computeIfAbsent(write, v -> index.size());
    }
    values = new long[index.size()];
    for (Map.Entry<Long, Integer> e : index.entrySet()) {
      values[e.getValue()] = e.getKey();
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
      Ordered[] out = new Ordered[groups];
      for (int g = 0; g < groups; g++) {
        int[] members = new int[count[g]];
        int k = 0;
        for (int o = 0; o < n; o++) {
          if (group[o] == g) {
            members[k++] = o;
          }
        }
        // Insertion sort: a group holds a few dozen operations at most in practice.
        for (int i = 1; i < k; i++) {
          int o = members[i];
          int j = i - 1;
          while (j >= 0 && time[members[j]] > time[o]) {
            members[j + 1] = members[j];
            j--;
          }
          members[j + 1] = o;
        }
        long[] times = new long[k];
        for (int i = 0; i < k; i++) {
          times[i] = time[members[i]];
          position[members[i]] = i;
        }
        out[g] = new Ordered(members, times, position);
      }
      return out;
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
