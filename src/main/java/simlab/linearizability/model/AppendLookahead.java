package simlab.linearizability.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import simlab.linearizability.Lookahead;
import simlab.linearizability.Operation;

/**
 * The KV model's pruning for one key (see {@link KvModel}). Between two Puts or Deletes the value
 * only grows, so a read still to come that must happen before the next Put or Delete (it returned
 * before any pending one was called) must see an extension of the current value. The read checked
 * is the pending one that returned first: any would be sound, and that one is the tightest in
 * practice.
 */
final class AppendLookahead implements Lookahead<KvValue> {
  /** Position of each operation in {@link #reads}, or -1 if it reads nothing. */
  private final int[] readPos;

  /** What each read saw, ordered by return time. */
  private final String[] reads;

  private final long[] readReturn;
  private final boolean[] readDone;

  /** Position of each operation in {@link #writeCall}, or -1 if it is not a Put or Delete. */
  private final int[] writePos;

  /** Call times of the Puts and Deletes, ascending. */
  private final long[] writeCall;

  private final boolean[] writeDone;

  /** Each read's chain top (see {@link ReadChains}), by identity. */
  private final Map<String, String> tops;

  /** The first position in {@link #reads} not yet linearized. */
  private int readCursor;

  /** The first position in {@link #writeCall} not yet linearized. */
  private int writeCursor;

  AppendLookahead(List<Operation<KvInput, KvOutput>> ops, Map<String, String> tops) {
    this.tops = tops;
    int n = ops.size();
    readPos = new int[n];
    writePos = new int[n];
    Arrays.fill(readPos, -1);
    Arrays.fill(writePos, -1);
    Integer[] readOps = new Integer[n];
    Integer[] writeOps = new Integer[n];
    int nr = 0;
    int nw = 0;
    for (int o = 0; o < n; o++) {
      Operation<KvInput, KvOutput> op = ops.get(o);
      KvOp kind = op.input().op();
      if (kind == KvOp.PUT || kind == KvOp.DELETE) {
        writeOps[nw++] = o;
      } else if (op.output() != null && op.output().value() != null) {
        readOps[nr++] = o; // a Get, or an Append that reported the old value
      }
    }
    // Ties broken by index, so the order is a function of the history alone.
    Integer[] byReturn = Arrays.copyOf(readOps, nr);
    Arrays.sort(
        byReturn,
        (a, b) -> {
          int c = Long.compare(ops.get(a).ret(), ops.get(b).ret());
          return c != 0 ? c : Integer.compare(a, b);
        });
    Integer[] byCall = Arrays.copyOf(writeOps, nw);
    Arrays.sort(
        byCall,
        (a, b) -> {
          int c = Long.compare(ops.get(a).call(), ops.get(b).call());
          return c != 0 ? c : Integer.compare(a, b);
        });
    reads = new String[nr];
    readReturn = new long[nr];
    readDone = new boolean[nr];
    for (int i = 0; i < nr; i++) {
      Operation<KvInput, KvOutput> op = ops.get(byReturn[i]);
      readPos[byReturn[i]] = i;
      reads[i] = op.output().value();
      readReturn[i] = op.ret();
    }
    writeCall = new long[nw];
    writeDone = new boolean[nw];
    for (int i = 0; i < nw; i++) {
      writePos[byCall[i]] = i;
      writeCall[i] = ops.get(byCall[i]).call();
    }
  }

  @Override
  public void linearized(int op) {
    int p = readPos[op];
    if (p >= 0) {
      readDone[p] = true;
      while (readCursor < reads.length && readDone[readCursor]) {
        readCursor++;
      }
    }
    int w = writePos[op];
    if (w >= 0) {
      writeDone[w] = true;
      while (writeCursor < writeCall.length && writeDone[writeCursor]) {
        writeCursor++;
      }
    }
  }

  @Override
  public void undone(int op) {
    int p = readPos[op];
    if (p >= 0) {
      readDone[p] = false;
      readCursor = Math.min(readCursor, p);
    }
    int w = writePos[op];
    if (w >= 0) {
      writeDone[w] = false;
      writeCursor = Math.min(writeCursor, w);
    }
  }

  @Override
  public boolean viable(KvValue state) {
    if (readCursor == reads.length) {
      return true;
    }
    // The read must come before every pending write only if it returned before the
    // first of them was called (equal times count as concurrent).
    boolean beforeWrites =
        writeCursor == writeCall.length || readReturn[readCursor] < writeCall[writeCursor];
    return !beforeWrites
        || state.isPrefixOf(
            reads[readCursor], tops.getOrDefault(reads[readCursor], reads[readCursor]));
  }
}
