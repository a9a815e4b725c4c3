package simlab.raft;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import simlab.sim.ValueCodec;

/**
 * What Figure 2 says must survive a crash (currentTerm, votedFor, log) plus the snapshot's last
 * included index and term (§7), and its byte encoding. {@code votedFor} is -1 when this peer has
 * not voted in {@code term}.
 *
 * <p>Layout: varints for term, votedFor+1, snapshotIndex, snapshotTerm and the entry count, then
 * per entry its term and its command as a length-prefixed ValueCodec value. Commands are encoded
 * one by one so that {@link LogEncoder} can reuse the bytes of entries that did not change:
 * re-encoding a long log on every save is quadratic.
 */
public record PersistentState(
    int term, int votedFor, int snapshotIndex, int snapshotTerm, List<LogEntry> entries) {
  public static final PersistentState INITIAL = new PersistentState(0, -1, 0, 0, List.of());

  public PersistentState {
    entries = List.copyOf(entries);
  }

  public byte[] encode() {
    ValueCodec codec = new ValueCodec();
    List<byte[]> encoded = new ArrayList<>(entries.size());
    for (LogEntry e : entries) {
      encoded.add(encodeEntry(codec, e));
    }
    Bytes all = new Bytes();
    for (byte[] e : encoded) {
      all.write(e, 0, e.length);
    }
    return assemble(
        term, votedFor, snapshotIndex, snapshotTerm, encoded.size(), all.toByteArray(), all.size());
  }

  static byte[] encodeEntry(ValueCodec codec, LogEntry e) {
    Bytes b = new Bytes();
    b.varint(e.term());
    byte[] cmd = codec.toBytes(e.command());
    b.varint(cmd.length);
    b.write(cmd, 0, cmd.length);
    return b.toByteArray();
  }

  /** The header followed by {@code count} already encoded entries, {@code entries[0..length)}. */
  static byte[] assemble(
      int term,
      int votedFor,
      int snapshotIndex,
      int snapshotTerm,
      int count,
      byte[] entries,
      int length) {
    Bytes b = new Bytes();
    b.varint(term);
    b.varint(votedFor + 1);
    b.varint(snapshotIndex);
    b.varint(snapshotTerm);
    b.varint(count);
    byte[] out = Arrays.copyOf(b.toByteArray(), b.size() + length);
    System.arraycopy(entries, 0, out, b.size(), length);
    return out;
  }

  /**
   * Decodes {@link #encode()}'s output; an empty array (a fresh persister) gives {@link #INITIAL}.
   */
  public static PersistentState decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return INITIAL;
    }
    ValueCodec codec = new ValueCodec();
    int[] pos = {0};
    int term = varint(bytes, pos);
    int votedFor = varint(bytes, pos) - 1;
    int snapshotIndex = varint(bytes, pos);
    int snapshotTerm = varint(bytes, pos);
    int n = varint(bytes, pos);
    List<LogEntry> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int t = varint(bytes, pos);
      int len = varint(bytes, pos);
      byte[] cmd = new byte[len];
      System.arraycopy(bytes, pos[0], cmd, 0, len);
      pos[0] += len;
      entries.add(new LogEntry(t, codec.fromBytes(cmd)));
    }
    if (pos[0] != bytes.length) {
      throw new IllegalArgumentException(
          "corrupt Raft state: " + (bytes.length - pos[0]) + " trailing bytes");
    }
    return new PersistentState(term, votedFor, snapshotIndex, snapshotTerm, entries);
  }

  private static int varint(byte[] in, int[] pos) {
    int v = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in[pos[0]++] & 0xFF;
      v |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
  }

  /** A byte buffer with unsigned varints. */
  private static final class Bytes extends ByteArrayOutputStream {
    void varint(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("negative varint " + v);
      }
      while ((v & ~0x7F) != 0) {
        write((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      write(v);
    }
  }
}
