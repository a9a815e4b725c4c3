package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The edges of {@link RaftLog}'s absolute indexing, where PIT's survivors sat: the entry at the
 * snapshot index (its term is known, its command is not), the last index, the first index after a
 * compaction, and the change cursor incremental saves read. The graded suites reach these edges
 * only by chance; each test here pins one of them exactly.
 */
class RaftLogChecksTest {
  private static RaftLog logWithTerms(int... terms) {
    RaftLog log = new RaftLog();
    for (int i = 0; i < terms.length; i++) {
      log.append(new LogEntry(terms[i], "c" + (i + 1)));
    }
    return log;
  }

  private static List<Object> commands(List<LogEntry> entries) {
    return entries.stream().map(LogEntry::command).toList();
  }

  @Test
  void termIsKnownFromTheSnapshotIndexThroughTheLastIndexOnly() {
    RaftLog log = logWithTerms(1, 1, 2, 2, 3);
    log.compactTo(2);
    assertTrue(log.hasTerm(2), "the snapshot's last entry keeps its term (§7)");
    assertTrue(log.hasTerm(5), "the last entry");
    assertFalse(log.hasTerm(1), "compacted below the snapshot index");
    assertFalse(log.hasTerm(6), "past the end");
  }

  @Test
  void entryRefusesTheSnapshotIndexAndPastTheEndNamingTheRange() {
    RaftLog log = logWithTerms(1, 1, 2, 2, 3);
    log.compactTo(2);
    assertEquals("c3", log.entry(3).command(), "the first entry after the snapshot");
    assertEquals("c5", log.entry(5).command(), "the last entry");
    for (int bad : new int[] {1, 2, 6}) {
      IndexOutOfBoundsException e =
          assertThrows(IndexOutOfBoundsException.class, () -> log.entry(bad));
      // The message is what a reader of a failing run sees: it must name the valid range.
      assertEquals("index " + bad + " outside (2, 5]", e.getMessage());
    }
  }

  @Test
  void truncatingAtOrBelowTheSnapshotIsRefused() {
    RaftLog log = logWithTerms(1, 1, 2, 2);
    log.compactTo(2);
    assertThrows(IllegalArgumentException.class, () -> log.truncateFrom(2));
    assertThrows(IllegalArgumentException.class, () -> log.truncateFrom(1));
    assertEquals(4, log.lastIndex(), "a refused truncation drops nothing");
    log.truncateFrom(3);
    assertEquals(2, log.lastIndex(), "truncating the first entry after the snapshot empties it");
    assertEquals(1, log.lastTerm(), "the snapshot's term");
  }

  @Test
  void sliceCountsFromTheAbsoluteIndexAndStopsAtTheEnd() {
    RaftLog log = logWithTerms(1, 1, 2, 2, 3, 3);
    log.compactTo(2);
    assertEquals(List.of("c3", "c4", "c5", "c6"), commands(log.slice(1, 100)), "from below");
    assertEquals(List.of("c3", "c4", "c5", "c6"), commands(log.slice(3, 100)));
    assertEquals(List.of("c4", "c5"), commands(log.slice(4, 2)));
    assertEquals(List.of("c6"), commands(log.slice(6, 100)), "the last entry");
    assertTrue(log.slice(7, 100).isEmpty(), "right after the end");
    assertTrue(log.slice(9, 100).isEmpty(), "well after the end");
    assertTrue(log.slice(4, 0).isEmpty(), "no room");
  }

  @Test
  void suffixIsEveryEntryAfterTheSnapshot() {
    RaftLog log = logWithTerms(1, 2, 3);
    log.compactTo(1);
    assertEquals(List.of(new LogEntry(2, "c2"), new LogEntry(3, "c3")), log.suffix());
  }

  @Test
  void compactingBackwardsOrInPlaceChangesNothing() {
    RaftLog log = logWithTerms(1, 1, 2);
    log.compactTo(2);
    log.compactTo(1);
    log.compactTo(2);
    assertEquals(2, log.snapshotIndex());
    assertEquals(1, log.snapshotTerm());
    assertEquals(List.of(new LogEntry(2, "c3")), log.suffix());
  }

  @Test
  void theChangeCursorReportsTheLowestIndexTouchedSinceTheLastSave() {
    RaftLog restored = new RaftLog(5, 2, List.of(new LogEntry(2, "a"), new LogEntry(3, "b")));
    assertEquals(
        6, restored.changedFrom(), "a new incarnation saves everything after its snapshot");
    restored.markStable();
    assertEquals(Integer.MAX_VALUE, restored.changedFrom(), "nothing changed since the save");
    assertEquals(8, restored.append(new LogEntry(3, "c")));
    assertEquals(8, restored.changedFrom(), "an append changes only its own index");
    restored.markStable();
    restored.truncateFrom(7);
    assertEquals(7, restored.changedFrom());
    restored.markStable();
    restored.resetTo(20, 4);
    assertEquals(21, restored.changedFrom(), "after an installed snapshot, from its next index");
  }

  @Test
  void firstIndexOfATermStopsAfterTheSnapshot() {
    RaftLog log = logWithTerms(1, 1, 2, 2, 2, 4);
    log.compactTo(4);
    // The snapshot's last entry (4) has term 2 too, but it is no longer in the log to send.
    assertEquals(5, log.firstIndexOfTermAt(5));
    assertEquals(6, log.firstIndexOfTermAt(6));
  }

  @Test
  void lastIndexOfATermLooksAtTheSnapshotEntryAndAnswersMinusOneBelowIt() {
    RaftLog log = logWithTerms(1, 1, 2, 2, 2, 4);
    log.compactTo(5);
    assertEquals(5, log.lastIndexOfTerm(2), "the snapshot's last entry holds term 2");
    assertEquals(6, log.lastIndexOfTerm(4));
    assertEquals(-1, log.lastIndexOfTerm(3), "a term between two that the log holds");
    assertEquals(-1, log.lastIndexOfTerm(1), "a term older than the snapshot's");
    assertEquals(-1, log.lastIndexOfTerm(5), "a newer term");
  }
}
