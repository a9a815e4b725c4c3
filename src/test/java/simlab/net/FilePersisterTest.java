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
    assertEquals(List.of("raft-state.bin", "snapshot-1.bin"), files());
    p.save(new byte[] {2}, new byte[] {7});
    assertEquals(List.of("raft-state.bin", "snapshot-1.bin"), files());
    p.save(new byte[] {3}, new byte[] {8, 8});
    assertEquals(List.of("raft-state.bin", "snapshot-2.bin"), files());
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
    assertEquals(List.of("raft-state.bin", "snapshot-1.bin"), files());
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
}
