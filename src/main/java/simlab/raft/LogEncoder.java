package simlab.raft;

import java.util.Arrays;
import simlab.sim.ValueCodec;

/**
 * Produces {@link PersistentState#encode()}'s bytes for a live core without re-encoding
 * unchanged entries. It keeps the encodings of the entries after the snapshot in one
 * growing buffer; the log reports the lowest index changed since the last save
 * ({@link RaftLog#takeChangedFrom()}), so a save re-encodes only new entries and costs one
 * copy of the buffer, and a compaction shifts the buffer once.
 */
final class LogEncoder {
  private final ValueCodec codec = new ValueCodec();
  private byte[] buf = new byte[256];
  private int bufLen;
  /** starts[k] is the buffer offset of entry cacheFirst + k. */
  private int[] starts = new int[64];
  private int count;
  private int cacheFirst = 1;

  byte[] encode(RaftCore core) {
    RaftLog log = core.log;
    int first = log.snapshotIndex() + 1;
    int changed = log.takeChangedFrom();
    if (first < cacheFirst) {
      truncateTo(0);
      cacheFirst = first;
    } else if (first > cacheFirst) {
      dropPrefix(first - cacheFirst);
    }
    // cached entries at or after the first change are stale
    int valid = Math.min(count, Math.max(0, changed - cacheFirst));
    valid = Math.min(valid, log.lastIndex() - cacheFirst + 1);
    truncateTo(valid);
    for (int i = cacheFirst + count; i <= log.lastIndex(); i++) {
      add(PersistentState.encodeEntry(codec, log.entry(i)));
    }
    return PersistentState.assemble(core.term, core.votedFor, log.snapshotIndex(), log.snapshotTerm(), count,
        buf, bufLen);
  }

  private void truncateTo(int k) {
    if (k < count) {
      bufLen = starts[k];
      count = k;
    }
  }

  private void dropPrefix(int k) {
    int n = Math.min(k, count);
    int offset = n == count ? bufLen : starts[n];
    System.arraycopy(buf, offset, buf, 0, bufLen - offset);
    bufLen -= offset;
    for (int j = n; j < count; j++) {
      starts[j - n] = starts[j] - offset;
    }
    count -= n;
    cacheFirst += k;
  }

  private void add(byte[] encoded) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
    }
    if (bufLen + encoded.length > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, bufLen + encoded.length));
    }
    starts[count++] = bufLen;
    System.arraycopy(encoded, 0, buf, bufLen, encoded.length);
    bufLen += encoded.length;
  }
}
