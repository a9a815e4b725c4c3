package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersistentStateTest {
  enum Kind {
    PUT,
    GET
  }

  record Op(Kind kind, String key, long clientId, int seq, List<String> tags) {}

  @Test
  void emptyBytesDecodeAsInitialState() {
    assertEquals(PersistentState.INITIAL, PersistentState.decode(new byte[0]));
  }

  @Test
  void roundTripsTermVoteSnapshotAndCommands() {
    Op op = new Op(Kind.PUT, "k", 1L << 40, 7, ImmutableList.of("a", "b"));
    List<LogEntry> entries =
        List.of(
            new LogEntry(3, 42),
            new LogEntry(3, -5L),
            new LogEntry(4, "hello"),
            new LogEntry(4, null),
            new LogEntry(5, op),
            new LogEntry(5, true),
            new LogEntry(6, ImmutableMap.of("x", 1)));
    PersistentState st = new PersistentState(6, 2, 17, 3, entries);
    PersistentState back = PersistentState.decode(st.encode());
    assertEquals(st, back);
  }

  @Test
  void byteArrayCommandsRoundTripByContent() {
    byte[] data = {1, 2, 3, -1};
    PersistentState back =
        PersistentState.decode(
            new PersistentState(1, -1, 0, 0, List.of(new LogEntry(1, data))).encode());
    assertEquals(-1, back.votedFor());
    assertArrayEquals(data, (byte[]) back.entries().get(0).command());
  }

  @Test
  void encodingIsCompactEnoughForTheLab3dLimit() {
    // 3D: with snapshots every 10 entries a log rarely holds more than ~20 entries, and the
    // persisted state must stay below 2000 bytes: a few bytes per int entry keeps it far below.
    List<LogEntry> entries = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      entries.add(new LogEntry(100, 1_000_000_000 + i));
    }
    int size = new PersistentState(100, 1, 1000, 99, entries).encode().length;
    assertTrue(size < 400, "20 int entries encode in " + size + " bytes");
  }

  @Test
  void unsupportedCommandsFailClearly() {
    PersistentState st = new PersistentState(1, 0, 0, 0, List.of(new LogEntry(1, new Object())));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, st::encode);
    assertTrue(e.getMessage().contains("java.lang.Object"));
  }
}
