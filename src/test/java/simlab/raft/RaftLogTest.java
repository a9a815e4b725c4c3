package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RaftLogTest {
  private static RaftLog logWithTerms(int... terms) {
    RaftLog log = new RaftLog();
    for (int i = 0; i < terms.length; i++) {
      log.append(new LogEntry(terms[i], "c" + (i + 1)));
    }
    return log;
  }

  @Test
  void freshLogIsASnapshotAtZero() {
    RaftLog log = new RaftLog();
    assertEquals(0, log.lastIndex());
    assertEquals(0, log.lastTerm());
    assertEquals(0, log.term(0));
    assertTrue(log.slice(1, 10).isEmpty());
  }

  @Test
  void absoluteIndexingSurvivesCompaction() {
    RaftLog log = logWithTerms(1, 1, 2, 2, 3);
    log.compactTo(3);
    assertEquals(3, log.snapshotIndex());
    assertEquals(2, log.snapshotTerm());
    assertEquals(5, log.lastIndex());
    assertEquals(2, log.term(3));
    assertEquals("c4", log.entry(4).command());
    assertEquals(3, log.term(5));
    assertThrows(IndexOutOfBoundsException.class, () -> log.entry(3));
    assertEquals(List.of("c4", "c5"), log.slice(1, 10).stream().map(LogEntry::command).toList());
    assertEquals(1, log.slice(4, 1).size());
  }

  @Test
  void compactingTwiceOrBackwardsIsHarmless() {
    RaftLog log = logWithTerms(1, 1, 1);
    log.compactTo(2);
    log.compactTo(1);
    assertEquals(2, log.snapshotIndex());
    assertEquals(3, log.lastIndex());
  }

  @Test
  void truncateDropsSuffixOnlyAboveSnapshot() {
    RaftLog log = logWithTerms(1, 1, 2, 2);
    log.compactTo(1);
    log.truncateFrom(3);
    assertEquals(2, log.lastIndex());
    assertEquals(1, log.lastTerm());
    assertThrows(IllegalArgumentException.class, () -> log.truncateFrom(1));
  }

  @Test
  void resetToSnapshotDiscardsEverything() {
    RaftLog log = logWithTerms(1, 2);
    log.resetTo(10, 4);
    assertEquals(10, log.lastIndex());
    assertEquals(4, log.lastTerm());
    assertFalse(log.hasTerm(9));
    assertTrue(log.hasTerm(10));
    assertEquals(11, log.append(new LogEntry(5, "x")));
  }

  @Test
  void termSearchesForFastBackup() {
    RaftLog log = logWithTerms(1, 1, 2, 2, 2, 4);
    assertEquals(3, log.firstIndexOfTermAt(5));
    assertEquals(1, log.firstIndexOfTermAt(2));
    assertEquals(5, log.lastIndexOfTerm(2));
    assertEquals(-1, log.lastIndexOfTerm(3));
    log.compactTo(4);
    assertEquals(5, log.firstIndexOfTermAt(5), "the search stops at the snapshot");
    assertEquals(5, log.lastIndexOfTerm(2));
  }

  @Test
  void upToDateComparesLastTermThenLength() {
    RaftLog log = logWithTerms(1, 2, 2);
    assertTrue(log.isUpToDate(1, 3), "higher last term wins even if shorter");
    assertTrue(log.isUpToDate(3, 2), "same term, same length");
    assertFalse(log.isUpToDate(2, 2), "same term, shorter");
    assertFalse(log.isUpToDate(9, 1), "lower last term loses even if longer");
  }
}
