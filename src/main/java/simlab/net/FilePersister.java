package simlab.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;
import simlab.sim.Storage;

/**
 * Durable {@link Storage} in a node's data directory, so that a node killed with kill -9 restarts
 * with every state it saved.
 *
 * <p>Three kinds of file. The base, {@code raft-state.bin}: a Raft state, the generation number of
 * the snapshot that goes with it, the snapshot's length and CRC, an epoch number, and a CRC over
 * the whole file; it is replaced atomically (write {@code raft-state.bin.tmp}, fsync it, rename it
 * over the old one, fsync the directory). A snapshot lives in its own file {@code
 * snapshot-<generation>.bin}, written (and fsynced, with the directory) before the base that names
 * it, and only when it changed. And the log {@code raft-wal.bin} ({@link StateLog}): most saves
 * only append there the bytes that changed since the previous one, with one fdatasync, because Raft
 * saves on every vote and append and rewriting the whole state (up to {@code max.raft.state} bytes)
 * with a rename and two fsyncs each time made every write cost a multiple of that. The log is
 * folded into a new base (next epoch) when the snapshot changes or the log outgrows the state.
 *
 * <p>A crash at any point leaves the old state or the new one: the base and its snapshot change
 * together by the rename, a log record counts only when whole and checksummed, and a log whose
 * header names another epoch than the base's is ignored (a crash after a base rewrite, before the
 * log's reset). Files no state names are deleted on the next open.
 */
public final class FilePersister implements Storage {
  static final String STATE = "raft-state.bin";
  private static final long MAGIC_V1 = 0x53494d4c41425031L; // "SIMLABP1": no epoch, no log
  private static final long MAGIC = 0x53494d4c41425032L; // "SIMLABP2"

  /** The log is folded into a new base once it holds this many bytes more than the state. */
  private static final long LOG_SLACK = 1 << 20;

  private static final byte[] EMPTY = new byte[0];

  private final Path dir;
  private byte[] raftState = EMPTY;
  private byte[] snapshot = EMPTY;

  /** The snapshot the file named by {@code generation} holds. */
  private byte[] durableSnapshot = EMPTY;

  private long generation;

  /** The base's epoch; the log extends it when {@code logValid}. */
  private long epoch;

  private StateLog log;
  private boolean logValid;

  /** The Raft state as durable on disk (base plus log), what the next log record starts from. */
  private byte[] durableState = EMPTY;

  private boolean dirty;
  private Runnable onDirty;

  private FilePersister(Path dir) {
    this.dir = dir;
  }

  /**
   * Opens (creating if needed) the data directory and reads what the last save left. Throws an
   * IOException naming the file when the stored state is unreadable or corrupt.
   */
  public static FilePersister open(Path dir) throws IOException {
    Files.createDirectories(dir);
    FilePersister p = new FilePersister(dir);
    p.load();
    return p;
  }

  public Path directory() {
    return dir;
  }

  private void load() throws IOException {
    Files.deleteIfExists(dir.resolve(STATE + ".tmp"));
    Path state = dir.resolve(STATE);
    if (Files.exists(state)) {
      ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(state));
      try {
        long magic = b.remaining() < 8 ? 0 : b.getLong();
        if ((magic != MAGIC && magic != MAGIC_V1) || b.remaining() < 4 + 8 + 4 + 4 + 4) {
          throw corrupt(state, "not a simlab state file");
        }
        int tail = magic == MAGIC ? 28 : 20;
        int raftLen = b.getInt();
        if (raftLen < 0 || raftLen > b.remaining() - tail) {
          throw corrupt(state, "bad Raft state length " + raftLen);
        }
        byte[] raft = new byte[raftLen];
        b.get(raft);
        long gen = b.getLong();
        int snapLen = b.getInt();
        int snapCrc = b.getInt();
        long ep = magic == MAGIC ? b.getLong() : 0;
        int bodyEnd = b.position();
        int fileCrc = b.getInt();
        if (crc(b.array(), 0, bodyEnd) != fileCrc || b.remaining() != 0) {
          throw corrupt(state, "checksum mismatch");
        }
        byte[] snap = EMPTY;
        if (snapLen > 0) {
          Path snapFile = snapshotFile(gen);
          try {
            snap = Files.readAllBytes(snapFile);
          } catch (NoSuchFileException e) {
            throw corrupt(snapFile, "missing (named by " + state.getFileName() + ")");
          }
          if (snap.length != snapLen || crc(snap, 0, snap.length) != snapCrc) {
            throw corrupt(snapFile, "length or checksum does not match " + state.getFileName());
          }
        }
        raftState = raft;
        snapshot = snap;
        durableSnapshot = snap;
        generation = gen;
        epoch = ep;
      } catch (java.nio.BufferUnderflowException e) {
        throw corrupt(state, "truncated");
      }
    }
    // Epoch 0 (no base yet, or a base from before the log) never has a log of its own.
    StateLog.Replayed replayed = StateLog.open(dir, epoch, raftState);
    log = replayed.log();
    logValid = epoch > 0 && replayed.matchesBase();
    raftState = logValid ? replayed.state() : raftState;
    durableState = raftState;
    deleteUnusedSnapshots();
  }

  private static IOException corrupt(Path file, String why) {
    return new IOException(
        file + " is corrupt: " + why + "; restore it or wipe the node's data directory");
  }

  private void deleteUnusedSnapshots() throws IOException {
    String keep = snapshot.length > 0 ? snapshotFile(generation).getFileName().toString() : "";
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "snapshot-*.bin")) {
      for (Path f : files) {
        if (!f.getFileName().toString().equals(keep)) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  private Path snapshotFile(long gen) {
    return dir.resolve("snapshot-" + gen + ".bin");
  }

  @Override
  public void save(byte[] newRaftState, byte[] newSnapshot) {
    raftState = newRaftState == null ? EMPTY : newRaftState.clone();
    byte[] snap = newSnapshot == null ? EMPTY : newSnapshot;
    if (snap != snapshot && !Arrays.equals(snap, snapshot)) {
      snapshot = snap.clone();
    }
    boolean wasDirty = dirty;
    dirty = true;
    if (onDirty == null) {
      flush();
    } else if (!wasDirty) {
      onDirty.run();
    }
  }

  /**
   * With group commit on, {@link #save} only records the new state and {@link #flush} makes it
   * durable; the runtime then holds back every message sent after a save until the flush, so
   * nothing that depends on the state is seen before it is on disk, and one fsync covers every save
   * of a burst of events (Raft saves on each start and append). {@code onDirty} runs on the first
   * save after a flush, so the runtime can schedule one.
   */
  public void groupCommit(Runnable onDirty) {
    this.onDirty = onDirty;
  }

  /** Whether a save has not been flushed yet. */
  public boolean dirty() {
    return dirty;
  }

  /** Writes the latest saved state durably (no-op when nothing changed since the last flush). */
  public void flush() {
    if (!dirty) {
      return;
    }
    byte[] snap = snapshot;
    byte[] raft = raftState;
    boolean snapshotChanged = snap != durableSnapshot && !Arrays.equals(snap, durableSnapshot);
    try {
      if (!snapshotChanged && logValid && log.size() < LOG_SLACK + 2L * raft.length) {
        log.append(durableState, raft);
      } else {
        rewriteBase(raft, snap, snapshotChanged);
      }
      durableState = raft;
      dirty = false;
    } catch (IOException e) {
      // Raft must not go on as if the state were durable: the node fails and stops.
      log.closeQuietly();
      throw new UncheckedIOException("cannot save Raft state in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** A new base of the next epoch (and snapshot file, if it changed), then an empty log for it. */
  private void rewriteBase(byte[] raft, byte[] snap, boolean snapshotChanged) throws IOException {
    long gen = generation;
    if (snapshotChanged) {
      gen = generation + 1;
      if (snap.length > 0) {
        writeDurably(snapshotFile(gen), snap);
        syncDirectory();
      }
    }
    long nextEpoch = epoch + 1;
    byte[] body = encodeState(raft, gen, snap, nextEpoch);
    Path tmp = dir.resolve(STATE + ".tmp");
    writeDurably(tmp, body);
    Files.move(
        tmp,
        dir.resolve(STATE),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    syncDirectory();
    epoch = nextEpoch;
    // Only now may the log be emptied: until the rename its records were part of the state.
    if (log.reset(nextEpoch)) {
      syncDirectory(); // the log file is new: make its name durable too
    }
    logValid = true;
    if (snapshotChanged && durableSnapshot.length > 0) {
      Files.deleteIfExists(snapshotFile(generation));
    }
    durableSnapshot = snap;
    generation = gen;
  }

  private static byte[] encodeState(byte[] raft, long gen, byte[] snap, long epoch) {
    ByteBuffer b = ByteBuffer.allocate(8 + 4 + raft.length + 8 + 4 + 4 + 8 + 4);
    b.putLong(MAGIC)
        .putInt(raft.length)
        .put(raft)
        .putLong(gen)
        .putInt(snap.length)
        .putInt(crc(snap, 0, snap.length))
        .putLong(epoch);
    b.putInt(crc(b.array(), 0, b.position()));
    return b.array();
  }

  private static void writeDurably(Path file, byte[] bytes) throws IOException {
    try (FileChannel ch =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
  }

  /**
   * Makes the directory's entries (a rename, a new file) durable: fsync on the directory itself.
   */
  private void syncDirectory() throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  private static int crc(byte[] b, int off, int len) {
    CRC32 c = new CRC32();
    c.update(b, off, len);
    return (int) c.getValue();
  }

  @Override
  public byte[] readRaftState() {
    return raftState.clone();
  }

  @Override
  public byte[] readSnapshot() {
    return snapshot.clone();
  }

  @Override
  public int raftStateSize() {
    return raftState.length;
  }

  @Override
  public int snapshotSize() {
    return snapshot.length;
  }
}
