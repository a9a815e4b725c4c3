package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The incremental encoder must write exactly what a full encode writes, whatever the log went
 * through.
 */
class LogEncoderTest {
  @Test
  void matchesFullEncodingThroughAppendsTruncationsAndCompactions() {
    RaftCore core = new RaftCore(0, 3, PersistentState.INITIAL, new byte[0]);
    LogEncoder enc = new LogEncoder();
    Random rnd = new Random(42); // test-only randomness, outside any simulation
    for (int step = 0; step < 5000; step++) {
      RaftLog log = core.log;
      int op = rnd.nextInt(10);
      if (op < 6) {
        log.append(
            new LogEntry(
                core.term, rnd.nextBoolean() ? (Object) rnd.nextInt() : "s" + rnd.nextInt(100)));
      } else if (op == 6 && log.lastIndex() > log.snapshotIndex()) {
        log.truncateFrom(
            log.snapshotIndex() + 1 + rnd.nextInt(log.lastIndex() - log.snapshotIndex()));
      } else if (op == 7 && log.lastIndex() > log.snapshotIndex()) {
        log.compactTo(log.snapshotIndex() + 1 + rnd.nextInt(log.lastIndex() - log.snapshotIndex()));
      } else if (op == 8) {
        log.resetTo(log.lastIndex() + rnd.nextInt(5), core.term);
      } else {
        core.term++;
        core.votedFor = rnd.nextInt(4) - 1;
      }
      if (rnd.nextInt(3) != 0) {
        continue; // several changes may happen between two saves
      }
      byte[] incremental = enc.encode(core.persistUpdate());
      log.markStable();
      assertArrayEquals(core.persistentState().encode(), incremental, "step " + step);
      assertEquals(core.persistentState(), PersistentState.decode(incremental));
    }
  }
}
