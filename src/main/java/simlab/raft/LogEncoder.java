package simlab.raft;

import java.util.Arrays;
import simlab.sim.ValueCodec;

/**
 * Turns the {@link Ready.Persist} of each Ready into {@link PersistentState#encode()}'s bytes
 * without re-encoding unchanged entries. It keeps the encodings of the entries after the snapshot
 * in one growing buffer; each persist names the lowest index changed since the previous one and
 * carries the entries from there on, so a save encodes only new entries and costs one copy of the
 * buffer, and a compaction shifts the buffer once. It must see every persist of its core, in order
 * (the first one of an incarnation carries the whole log).
 */
final class LogEncoder {
  private final ValueCodec codec = new ValueCodec();
  private byte[] buf = new byte[256];
  private int bufLen;

  /** starts[k] is the buffer offset of entry cacheFirst + k. */
  private int[] starts = new int[64];

  private int count;
  private int cacheFirst = 1;

  byte[] encode(Ready.Persist p) {
    int first = p.snapshotIndex() + 1;
    int changed = p.firstChanged();
    if (first < cacheFirst) {
      truncateTo(0);
      cacheFirst = first;
    } else if (first > cacheFirst) {
      dropPrefix(first - cacheFirst);
    }
    // cached entries at or after the first change are stale
    int valid = Math.min(count, Math.max(0, changed - cacheFirst));
    valid = Math.min(valid, p.lastIndex() - cacheFirst + 1);
    truncateTo(valid);
    for (int i = cacheFirst + count; i <= p.lastIndex(); i++) {
      add(PersistentState.encodeEntry(codec, p.entry(i)));
    }
    return PersistentState.assemble(
        p.term(), p.votedFor(), p.snapshotIndex(), p.snapshotTerm(), count, buf, bufLen);
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
