package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import simlab.testing.property.Gen;
import simlab.testing.property.Property;
import simlab.testing.property.PropertyContext;
import simlab.testing.property.PropertyTest;

/**
 * What Figure 2 says must survive a crash is saved by {@link LogEncoder}'s incremental fast path,
 * not by {@link PersistentState#encode()}: the two are interchangeable only if they write the same
 * bytes for every history of the log. The property drives a core's log through generated appends
 * (small, bursts across the encoder's 64-slot and 256-byte buffers, commands larger than a doubled
 * buffer), truncations, compactions, installed snapshots (ahead of and inside the log) and
 * term/vote changes, saving at generated points, and checks incremental == full == decodable back
 * after every save. The unit checks pin the decoder's refusals and {@link Ready.Persist#entry}.
 */
class LogEncodingChecksTest {

  /** One change to the log or hard state; {@code arg} picks where or how much. */
  enum Kind {
    APPEND,
    BURST,
    BIG,
    TRUNCATE,
    COMPACT,
    INSTALL,
    STALE_INSTALL,
    TERM,
    SAVE
  }

  record Op(Kind kind, int arg) {}

  static Gen<List<Op>> histories() {
    Gen<Kind> kinds = Gen.enums(Kind.class);
    Gen<Integer> args = Gen.ints(0, 100);
    Gen<Op> op = s -> new Op(s.draw(kinds), s.draw(args));
    return op.list(1, 120);
  }

  @PropertyTest
  Stream<DynamicTest> incrementalEncodingEqualsFullEncodingAndDecodesBack(PropertyContext context) {
    return context.run(
        Property.forAll(histories()).cases(200).check(LogEncodingChecksTest::replay));
  }

  /** Applies the history to a fresh core, checking every save and a final one. */
  static void replay(List<Op> history) {
    RaftCore core = new RaftCore(0, 3, PersistentState.INITIAL, new byte[0]);
    LogEncoder encoder = new LogEncoder();
    int step = 0;
    for (Op op : history) {
      apply(core, op, step++);
      if (op.kind() == Kind.SAVE) {
        save(core, encoder, "after op " + step + " of " + history);
      }
    }
    save(core, encoder, "at the end of " + history);
  }

  private static void apply(RaftCore core, Op op, int step) {
    RaftLog log = core.log;
    int a = op.arg();
    int held = log.lastIndex() - log.snapshotIndex();
    switch (op.kind()) {
      case APPEND -> log.append(new LogEntry(core.term, a % 2 == 0 ? (Object) a : "s" + step));
      case BURST -> {
        for (int i = 0; i < 60 + a % 10; i++) {
          log.append(new LogEntry(core.term, step * 1000 + i));
        }
      }
      case BIG -> log.append(new LogEntry(core.term, "x".repeat(600 + 10 * a)));
      case TRUNCATE -> {
        if (held > 0) {
          log.truncateFrom(log.snapshotIndex() + 1 + a % held);
        }
      }
      case COMPACT -> {
        if (held > 0) {
          log.compactTo(log.snapshotIndex() + 1 + a % held);
        }
      }
      case INSTALL -> {
        // An InstallSnapshot whose last entry the log does not hold (or holds with another
        // term) replaces the whole log, from an index inside it or past its end.
        int index = log.snapshotIndex() + 1 + a % (held + 5);
        log.resetTo(index, core.term);
      }
      case STALE_INSTALL -> {
        // The reference never moves its snapshot back, but the driver (and so the encoder) also
        // runs the zoo's broken cores, one of which installs stale snapshots: the bytes must
        // still be exactly the state.
        log.resetTo(Math.max(0, log.snapshotIndex() - 1 - a % 5), core.term);
      }
      case TERM -> {
        core.term++;
        core.votedFor = a % 4 - 1;
      }
      case SAVE -> {}
    }
  }

  private static void save(RaftCore core, LogEncoder encoder, String where) {
    byte[] incremental = encoder.encode(core.persistUpdate());
    core.log.markStable();
    PersistentState state = core.persistentState();
    byte[] full = state.encode();
    assertArrayEquals(full, incremental, where);
    assertEquals(state, PersistentState.decode(incremental), where);
  }

  @Test
  void compactingAFullSixtyFourEntryCacheKeepsTheRest() {
    // 64 is the encoder's first offset-table size: a compaction with the table exactly full
    // must shift it without reading past its end.
    RaftCore core = new RaftCore(0, 3, PersistentState.INITIAL, new byte[0]);
    LogEncoder encoder = new LogEncoder();
    core.term = 1;
    for (int i = 1; i <= 64; i++) {
      core.log.append(new LogEntry(1, i));
    }
    save(core, encoder, "64 entries");
    core.log.compactTo(10);
    save(core, encoder, "compacted to 10 with 64 cached");
    core.log.compactTo(64);
    save(core, encoder, "compacted to 64");
  }

  @Test
  void aCommandLargerThanTwiceTheBufferIsSavedWhole() {
    RaftCore core = new RaftCore(0, 3, PersistentState.INITIAL, new byte[0]);
    LogEncoder encoder = new LogEncoder();
    core.log.append(new LogEntry(0, "a"));
    save(core, encoder, "one small entry");
    core.log.append(new LogEntry(0, "y".repeat(5000)));
    save(core, encoder, "one entry far larger than the buffer");
    core.log.append(new LogEntry(0, "z".repeat(20_000)));
    save(core, encoder, "and a larger one");
  }

  @Test
  void aFullEncodingDecodesBackAndAnEmptyStateIsItsHeaderOnly() {
    PersistentState state =
        new PersistentState(
            7, 2, 3, 5, List.of(new LogEntry(5, "a"), new LogEntry(6, 300), new LogEntry(7, null)));
    assertEquals(state, PersistentState.decode(state.encode()));
    // Five one-byte varints: term, votedFor + 1, snapshot index, snapshot term, entry count.
    assertArrayEquals(new byte[] {0, 0, 0, 0, 0}, PersistentState.INITIAL.encode());
  }

  @Test
  void trailingBytesAreRefusedWithTheirCount() {
    byte[] good = new PersistentState(2, 1, 0, 0, List.of(new LogEntry(2, "x"))).encode();
    byte[] bad = Arrays.copyOf(good, good.length + 3);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PersistentState.decode(bad));
    assertEquals("corrupt Raft state: 3 trailing bytes", e.getMessage());
  }

  @Test
  void aNegativeFieldIsRefusedRatherThanWritten() {
    // The layout has unsigned varints only: a negative term or snapshot index would come back as
    // a different number, so encoding one must fail, not write it.
    assertThrows(
        IllegalArgumentException.class,
        () -> new PersistentState(-1, -1, 0, 0, List.of()).encode());
    assertThrows(
        IllegalArgumentException.class,
        () -> new PersistentState(1, -1, -3, 0, List.of()).encode());
    assertThrows(
        IllegalArgumentException.class,
        () -> new PersistentState(1, -1, 0, 0, List.of(new LogEntry(-2, "x"))).encode());
  }

  @Test
  void aPersistServesExactlyItsChangedEntries() {
    LogEntry e6 = new LogEntry(3, "six");
    LogEntry e7 = new LogEntry(3, "seven");
    // firstChanged below the snapshot (a fresh incarnation): the entries start after it.
    Ready.Persist fresh = new Ready.Persist(3, -1, 5, 2, 1, 7, ImmutableList.of(e6, e7), null);
    assertEquals(e6, fresh.entry(6));
    assertEquals(e7, fresh.entry(7));
    Ready.Persist tail = new Ready.Persist(3, -1, 0, 0, 7, 7, ImmutableList.of(e7), null);
    assertEquals(e7, tail.entry(7));
    assertThrows(IllegalStateException.class, () -> fresh.entry(5), "the snapshot's index");
    assertThrows(IllegalStateException.class, () -> fresh.entry(8), "past the last index");
    assertThrows(IllegalStateException.class, () -> tail.entry(6), "unchanged since last save");
  }
}
