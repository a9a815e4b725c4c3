package simlab.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The append-only log behind {@link FilePersister}: each record turns one Raft state into the next
 * as a few byte-range patches, so a save costs the bytes that changed (for Raft: a few header bytes
 * and the new entries) plus one fdatasync, instead of a rewrite of the whole state, a rename and a
 * directory fsync.
 *
 * <p>The file starts with a header naming the epoch of the base state file it extends; records
 * apply only on top of that base. A record is {@code [length][new state length][patch count]
 * {[offset][byte count][bytes]}* [CRC]}; a torn or corrupt record ends the log (it was never
 * acknowledged: its fdatasync had not returned), and the file is cut back to the last whole record
 * when opened.
 */
final class StateLog {
  static final String FILE = "raft-wal.bin";
  private static final long MAGIC = 0x53494d4c41425731L; // "SIMLABW1"
  private static final int HEADER = 16;

  /** Patches are found in blocks of this many bytes: small enough for Raft's header fields. */
  private static final int BLOCK = 32;

  private final Path file;
  private FileChannel channel;
  private long size;

  private StateLog(Path file) {
    this.file = file;
  }

  /** The state the log left: {@code base} with every whole record of a log for epoch applied. */
  record Replayed(StateLog log, byte[] state, boolean matchesBase) {}

  /**
   * Opens the log in {@code dir} and replays it over {@code base} when its header names {@code
   * epoch}; otherwise the log is stale (a crash fell between a base rewrite and the log's reset)
   * and {@code base} stands as it is.
   */
  static Replayed open(Path dir, long epoch, byte[] base) throws IOException {
    StateLog log = new StateLog(dir.resolve(FILE));
    if (!Files.exists(log.file)) {
      return new Replayed(log, base, false);
    }
    byte[] bytes = Files.readAllBytes(log.file);
    ByteBuffer b = ByteBuffer.wrap(bytes);
    if (bytes.length < HEADER || b.getLong() != MAGIC || b.getLong() != epoch) {
      return new Replayed(log, base, false);
    }
    byte[] state = base;
    int end = HEADER;
    while (true) {
      byte[] next = replayOne(b, end, state);
      if (next == null) {
        break;
      }
      state = next;
      end = b.position();
    }
    log.channel = FileChannel.open(log.file, StandardOpenOption.WRITE);
    if (end < bytes.length) {
      log.channel.truncate(end);
      log.channel.force(true);
    }
    log.size = end;
    return new Replayed(log, state, true);
  }

  /** Applies the record at {@code at}, or returns null at the end of the whole records. */
  private static byte[] replayOne(ByteBuffer b, int at, byte[] state) {
    b.position(at);
    if (b.remaining() < 4) {
      return null;
    }
    int len = b.getInt();
    if (len < 16 || len - 4 > b.remaining()) {
      return null;
    }
    byte[] all = b.array();
    ByteBuffer rec = ByteBuffer.wrap(all, at, len);
    int crcAt = at + len - 4;
    if (crc(all, at, len - 4) != ByteBuffer.wrap(all, crcAt, 4).getInt()) {
      return null;
    }
    rec.getInt(); // length
    int newLength = rec.getInt();
    int patches = rec.getInt();
    if (newLength < 0 || patches < 0) {
      return null;
    }
    byte[] next = Arrays.copyOf(state, newLength);
    for (int i = 0; i < patches; i++) {
      if (rec.position() + 8 > crcAt) {
        return null;
      }
      int off = rec.getInt();
      int n = rec.getInt();
      if (off < 0 || n < 0 || off + n > newLength || rec.position() + n > crcAt) {
        return null;
      }
      rec.get(next, off, n);
    }
    b.position(at + len);
    return next;
  }

  /** Bytes in the file, header included. */
  long size() {
    return size;
  }

  /**
   * Empties the log and makes it extend the base of {@code epoch}; durable on return (a newly
   * created file is made durable in its directory by the caller's directory fsync).
   */
  boolean reset(long epoch) throws IOException {
    boolean created = !Files.exists(file);
    closeQuietly();
    channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    ByteBuffer h = ByteBuffer.allocate(HEADER).putLong(MAGIC).putLong(epoch).flip();
    while (h.hasRemaining()) {
      channel.write(h, HEADER - h.remaining());
    }
    channel.force(true);
    size = HEADER;
    return created;
  }

  /** Appends the record that turns {@code from} into {@code to}, durably (fdatasync). */
  void append(byte[] from, byte[] to) throws IOException {
    List<int[]> ranges = changedRanges(from, to);
    int body = 12 + 4;
    for (int[] r : ranges) {
      body += 8 + r[1];
    }
    ByteBuffer rec = ByteBuffer.allocate(body);
    rec.putInt(body).putInt(to.length).putInt(ranges.size());
    for (int[] r : ranges) {
      rec.putInt(r[0]).putInt(r[1]).put(to, r[0], r[1]);
    }
    rec.putInt(crc(rec.array(), 0, body - 4));
    rec.flip();
    long at = size;
    while (rec.hasRemaining()) {
      at += channel.write(rec, at);
    }
    channel.force(false);
    size = at;
  }

  /**
   * The byte ranges of {@code to} that differ from {@code from} (or lie past its end), compared in
   * {@link #BLOCK}-byte blocks and merged when adjacent: {offset, length} pairs.
   */
  static List<int[]> changedRanges(byte[] from, byte[] to) {
    List<int[]> out = new ArrayList<>();
    int common = Math.min(from.length, to.length);
    int start = -1;
    for (int off = 0; off < common; off += BLOCK) {
      int end = Math.min(common, off + BLOCK);
      boolean differs = Arrays.mismatch(from, off, end, to, off, end) >= 0;
      if (differs && start < 0) {
        start = off;
      } else if (!differs && start >= 0) {
        out.add(new int[] {start, off - start});
        start = -1;
      }
    }
    if (start < 0 && to.length > common) {
      start = common;
    }
    if (start >= 0) {
      out.add(new int[] {start, to.length - start});
    }
    return out;
  }

  void closeQuietly() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // closing after a failed write: the node is failing anyway
      }
      channel = null;
    }
  }

  private static int crc(byte[] b, int off, int len) {
    CRC32 c = new CRC32();
    c.update(b, off, len);
    return (int) c.getValue();
  }
}
