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
 * <p>The commit point is one small file, {@code raft-state.bin}: the Raft state, the generation
 * number of the snapshot that goes with it, the snapshot's length and CRC, and a CRC over the whole
 * file. It is replaced atomically: write {@code raft-state.bin.tmp}, fsync it, rename it over the
 * old one, fsync the directory. A snapshot lives in its own file {@code snapshot-<generation>.bin},
 * written (and fsynced, with the directory) before the state file that names it, and only when it
 * changed: Raft saves its state on every vote and append, the snapshot changes rarely, and
 * rewriting a large snapshot with each save would make every write cost the whole key/value state.
 * A crash at any point leaves either the old pair or the new pair; files no state names are deleted
 * on the next open.
 */
public final class FilePersister implements Storage {
  static final String STATE = "raft-state.bin";
  private static final long MAGIC = 0x53494d4c41425031L; // "SIMLABP1"
  private static final byte[] EMPTY = new byte[0];

  private final Path dir;
  private byte[] raftState = EMPTY;
  private byte[] snapshot = EMPTY;

  /** The snapshot the file named by {@code generation} holds. */
  private byte[] durableSnapshot = EMPTY;

  private long generation;
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
        if (b.remaining() < 8 + 4 + 8 + 4 + 4 + 4 || b.getLong() != MAGIC) {
          throw corrupt(state, "not a simlab state file");
        }
        int raftLen = b.getInt();
        if (raftLen < 0 || raftLen > b.remaining() - 20) {
          throw corrupt(state, "bad Raft state length " + raftLen);
        }
        byte[] raft = new byte[raftLen];
        b.get(raft);
        long gen = b.getLong();
        int snapLen = b.getInt();
        int snapCrc = b.getInt();
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
      } catch (java.nio.BufferUnderflowException e) {
        throw corrupt(state, "truncated");
      }
    }
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
    boolean snapshotChanged = snap != durableSnapshot && !Arrays.equals(snap, durableSnapshot);
    try {
      long gen = generation;
      if (snapshotChanged) {
        gen = generation + 1;
        if (snap.length > 0) {
          writeDurably(snapshotFile(gen), snap);
          syncDirectory();
        }
      }
      byte[] body = encodeState(raftState, gen, snap);
      Path tmp = dir.resolve(STATE + ".tmp");
      writeDurably(tmp, body);
      Files.move(
          tmp,
          dir.resolve(STATE),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      syncDirectory();
      if (snapshotChanged && durableSnapshot.length > 0) {
        Files.deleteIfExists(snapshotFile(generation));
      }
      durableSnapshot = snap;
      generation = gen;
      dirty = false;
    } catch (IOException e) {
      // Raft must not go on as if the state were durable: the node fails and stops.
      throw new UncheckedIOException("cannot save Raft state in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static byte[] encodeState(byte[] raft, long gen, byte[] snap) {
    ByteBuffer b = ByteBuffer.allocate(8 + 4 + raft.length + 8 + 4 + 4 + 4);
    b.putLong(MAGIC)
        .putInt(raft.length)
        .put(raft)
        .putLong(gen)
        .putInt(snap.length)
        .putInt(crc(snap, 0, snap.length));
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
