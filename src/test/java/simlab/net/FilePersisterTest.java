package simlab.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePersisterTest {
  @TempDir Path dir;

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aFreshDirectoryIsEmptyAndSavesSurviveReopening() throws IOException {
    FilePersister p = FilePersister.open(dir.resolve("node"));
    assertEquals(0, p.raftStateSize());
    assertEquals(0, p.readSnapshot().length);
    p.save(new byte[] {1, 2, 3}, new byte[] {9, 9});
    p.save(new byte[] {4, 5}, new byte[] {9, 9});
    FilePersister again = FilePersister.open(dir.resolve("node"));
    assertArrayEquals(new byte[] {4, 5}, again.readRaftState());
    assertArrayEquals(new byte[] {9, 9}, again.readSnapshot());
    assertEquals(2, again.snapshotSize());
  }

  @Test
  void anUnchangedSnapshotIsNotRewrittenAndOldSnapshotsGo() throws IOException {
    FilePersister p = FilePersister.open(dir);
    p.save(new byte[] {1}, new byte[] {7});
    assertEquals(List.of("raft-state.bin", "raft-wal.bin", "snapshot-1.bin"), files());
    p.save(new byte[] {2}, new byte[] {7});
    assertEquals(List.of("raft-state.bin", "raft-wal.bin", "snapshot-1.bin"), files());
    p.save(new byte[] {3}, new byte[] {8, 8});
    assertEquals(List.of("raft-state.bin", "raft-wal.bin", "snapshot-2.bin"), files());
    assertArrayEquals(new byte[] {8, 8}, FilePersister.open(dir).readSnapshot());
  }

  @Test
  void leftoversOfAnInterruptedSaveAreIgnored() throws IOException {
    FilePersister p = FilePersister.open(dir);
    p.save(new byte[] {1}, new byte[] {7});
    // A crash after writing the next snapshot and a temp state file, before the rename.
    Files.write(dir.resolve("snapshot-2.bin"), new byte[] {6, 6, 6});
    Files.write(dir.resolve("raft-state.bin.tmp"), new byte[] {0, 1});
    FilePersister again = FilePersister.open(dir);
    assertArrayEquals(new byte[] {1}, again.readRaftState());
    assertArrayEquals(new byte[] {7}, again.readSnapshot());
    assertEquals(List.of("raft-state.bin", "raft-wal.bin", "snapshot-1.bin"), files());
  }

  @Test
  void corruptStateIsReportedNamingTheFile() throws IOException {
    FilePersister p = FilePersister.open(dir);
    p.save(new byte[] {1, 2, 3, 4}, new byte[0]);
    byte[] bytes = Files.readAllBytes(dir.resolve("raft-state.bin"));
    bytes[13] ^= 0x40;
    Files.write(dir.resolve("raft-state.bin"), bytes);
    IOException e = assertThrows(IOException.class, () -> FilePersister.open(dir));
    assertTrue(e.getMessage().contains("raft-state.bin is corrupt"), e.getMessage());
  }

  @Test
  void readsAreCopies() throws IOException {
    FilePersister p = FilePersister.open(dir);
    byte[] state = {1, 2};
    p.save(state, null);
    state[0] = 9;
    p.readRaftState()[1] = 9;
    assertArrayEquals(new byte[] {1, 2}, p.readRaftState());
  }

  @Test
  void withGroupCommitASaveIsDurableOnlyAfterTheFlush() throws IOException {
    FilePersister p = FilePersister.open(dir);
    int[] dirtied = new int[1];
    p.groupCommit(() -> dirtied[0]++);
    p.save(new byte[] {1}, new byte[] {5});
    p.save(new byte[] {2}, new byte[] {5});
    assertEquals(1, dirtied[0], "one notice per burst of saves");
    assertTrue(p.dirty());
    assertArrayEquals(new byte[] {2}, p.readRaftState(), "reads see the latest save at once");
    assertEquals(0, FilePersister.open(dir).raftStateSize(), "nothing on disk before the flush");
    p.flush();
    assertTrue(!p.dirty());
    FilePersister again = FilePersister.open(dir);
    assertArrayEquals(new byte[] {2}, again.readRaftState());
    assertArrayEquals(new byte[] {5}, again.readSnapshot());
  }

  /** A Raft-like state: a header that changes and a body that grows (or is cut back). */
  private static byte[] state(int term, int entries) {
    byte[] b = new byte[8 + entries * 50];
    b[0] = (byte) term;
    b[4] = (byte) entries;
    for (int i = 8; i < b.length; i++) {
      b[i] = (byte) (i * 31 + (i - 8) / 50);
    }
    return b;
  }

  @Test
  void manySavesReplayFromTheLogAndTheLogOnlyGrowsByWhatChanged() throws IOException {
    FilePersister p = FilePersister.open(dir);
    p.save(state(1, 10), null);
    long base = Files.size(dir.resolve("raft-state.bin"));
    for (int n = 11; n <= 200; n++) {
      p.save(state(1 + n / 50, n), null);
    }
    p.save(state(9, 120), null); // a truncated log
    assertEquals(base, Files.size(dir.resolve("raft-state.bin")), "saves went to the log");
    long logBytes = Files.size(dir.resolve("raft-wal.bin"));
    assertTrue(logBytes < 200 * 50 + 191 * 100, "the log holds deltas, not states: " + logBytes);
    assertArrayEquals(state(9, 120), FilePersister.open(dir).readRaftState());
  }

  @Test
  void aTornLastRecordIsDroppedAndTheLogGoesOnAfterIt() throws IOException {
    FilePersister p = FilePersister.open(dir);
    p.save(state(1, 1), null);
    p.save(state(1, 2), null);
    p.save(state(1, 3), null);
    Path log = dir.resolve("raft-wal.bin");
    byte[] bytes = Files.readAllBytes(log);
    // A crash in the middle of the last append: its fdatasync never returned.
    Files.write(log, java.util.Arrays.copyOf(bytes, bytes.length - 7));
    FilePersister again = FilePersister.open(dir);
    assertArrayEquals(state(1, 2), again.readRaftState());
    again.save(state(2, 4), null);
    assertArrayEquals(state(2, 4), FilePersister.open(dir).readRaftState());
  }

  @Test
  void aLogLeftFromBeforeABaseRewriteIsIgnored() throws IOException {
    FilePersister p = FilePersister.open(dir);
    p.save(state(1, 1), new byte[] {7});
    p.save(state(1, 2), new byte[] {7});
    byte[] staleLog = Files.readAllBytes(dir.resolve("raft-wal.bin"));
    p.save(state(2, 1), new byte[] {8}); // a new snapshot: a new base, the log reset
    // A crash after the new base's rename, before the log was emptied.
    Files.write(dir.resolve("raft-wal.bin"), staleLog);
    FilePersister again = FilePersister.open(dir);
    assertArrayEquals(state(2, 1), again.readRaftState());
    assertArrayEquals(new byte[] {8}, again.readSnapshot());
  }

  @Test
  void changedRangesCoverEveryDifferenceAndTheNewTail() {
    byte[] from = state(1, 4);
    byte[] to = state(2, 6);
    byte[] rebuilt = java.util.Arrays.copyOf(from, to.length);
    for (int[] r : StateLog.changedRanges(from, to)) {
      System.arraycopy(to, r[0], rebuilt, r[0], r[1]);
    }
    assertArrayEquals(to, rebuilt);
    assertEquals(List.of(), StateLog.changedRanges(to, to));
  }
}
