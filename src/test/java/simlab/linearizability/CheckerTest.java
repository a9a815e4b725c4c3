package simlab.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.linearizability.format.PorcupineKvFormat;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOutput;
import simlab.linearizability.model.RegisterInput;
import simlab.linearizability.model.RegisterModel;

class CheckerTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  private static Operation<RegisterInput, String> write(int client, String v, long call, long ret) {
    return new Operation<>(client, RegisterInput.write(v), null, call, ret);
  }

  private static Operation<RegisterInput, String> read(int client, String v, long call, long ret) {
    return new Operation<>(client, RegisterInput.read(), v, call, ret);
  }

  @Test
  void emptyHistoryIsLinearizable() {
    assertEquals(
        Verdict.LINEARIZABLE,
        LinearizabilityChecker.check(new RegisterModel(), List.of(), SECOND).verdict());
  }

  @Test
  void sequentialHistoryGivesItsOwnOrder() {
    var ops =
        List.of(write(0, "a", 0, 1), read(1, "a", 2, 3), write(0, "b", 4, 5), read(1, "b", 6, 7));
    CheckResult<RegisterInput, String> r =
        LinearizabilityChecker.check(new RegisterModel(), ops, SECOND);
    assertEquals(Verdict.LINEARIZABLE, r.verdict());
    List<LinearizedStep> steps = r.partitions().get(0).linearization();
    assertEquals(List.of(0, 1, 2, 3), steps.stream().map(LinearizedStep::operation).toList());
    assertEquals("b", steps.get(3).stateAfter());
    assertEquals(-1, r.partitions().get(0).failingOperation());
  }

  @Test
  void concurrentReadMaySeeEitherValue() {
    // The read overlaps the write of "b", so both "a" and "b" are fine.
    for (String seen : List.of("a", "b")) {
      var ops = List.of(write(0, "a", 0, 1), write(0, "b", 2, 6), read(1, seen, 3, 4));
      assertEquals(
          Verdict.LINEARIZABLE,
          LinearizabilityChecker.check(new RegisterModel(), ops, SECOND).verdict(),
          seen);
    }
  }

  @Test
  void staleReadFailsAndIsPointedAt() {
    // The read starts after "b" was written, yet returns "a".
    var ops = List.of(write(0, "a", 0, 1), write(0, "b", 2, 3), read(1, "a", 4, 5));
    CheckResult<RegisterInput, String> r =
        LinearizabilityChecker.check(new RegisterModel(), ops, SECOND);
    assertEquals(Verdict.NOT_LINEARIZABLE, r.verdict());
    PartitionResult<RegisterInput, String> p = r.failures().get(0);
    assertEquals(2, p.failingOperation());
    assertEquals(List.of(0, 1), p.linearization().stream().map(LinearizedStep::operation).toList());
  }

  @Test
  void touchingIntervalsCountAsConcurrent() {
    // The write returns at 5 and the read is called at 5: either order is allowed.
    var ops = List.of(write(0, "x", 1, 5), read(1, "", 5, 6));
    assertEquals(
        Verdict.LINEARIZABLE,
        LinearizabilityChecker.check(new RegisterModel(), ops, SECOND).verdict());
  }

  @Test
  void unknownReadResultIsAlwaysLegal() {
    var ops = List.of(write(0, "a", 0, 1), read(1, null, 2, 3));
    assertEquals(
        Verdict.LINEARIZABLE,
        LinearizabilityChecker.check(new RegisterModel(), ops, SECOND).verdict());
  }

  @Test
  void partitionsAfterTheFirstFailureAreSkipped() {
    List<Operation<KvInput, KvOutput>> ops = new ArrayList<>();
    ops.add(new Operation<>(0, KvInput.get("a"), KvOutput.of("never written"), 0, 1));
    for (int i = 0; i < 3; i++) {
      ops.add(new Operation<>(1, KvInput.put("b", "v" + i), KvOutput.NONE, 10 + i * 2, 11 + i * 2));
    }
    CheckResult<KvInput, KvOutput> r = LinearizabilityChecker.check(new KvModel(), ops, SECOND);
    assertEquals(Verdict.NOT_LINEARIZABLE, r.verdict());
    assertEquals(2, r.partitions().size());
    assertEquals(1, r.failures().size());
    assertEquals("a", r.failures().get(0).operations().get(0).input().key());
    // "b" is cheap, so it finished in the same round as "a" and is not skipped.
    assertFalse(r.partitions().get(1).skipped());
    assertEquals(Verdict.LINEARIZABLE, r.partitions().get(1).verdict());
  }

  @Test
  void resultDoesNotDependOnThreads() throws Exception {
    var ops = PorcupineKvFormat.read(HistoryDir.get().resolve("kv/c50-bad.txt"));
    var one =
        LinearizabilityChecker.check(
            new KvModel(), ops, new CheckOptions(Duration.ofSeconds(30), 1));
    var four =
        LinearizabilityChecker.check(
            new KvModel(), ops, new CheckOptions(Duration.ofSeconds(30), 4));
    assertEquals(Verdict.NOT_LINEARIZABLE, one.verdict());
    assertEquals(one.partitions(), four.partitions());
    assertTrue(
        one.partitions().stream().anyMatch(PartitionResult::skipped),
        "the hard partitions are skipped");
  }

  @Test
  void runsOutOfTimeAsUnknown() throws Exception {
    var ops = PorcupineKvFormat.read(HistoryDir.get().resolve("kv/c50-ok.txt"));
    long start = System.nanoTime();
    var r = LinearizabilityChecker.check(KvModel.unpartitioned(), ops, Duration.ofMillis(200));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(Verdict.UNKNOWN, r.verdict());
    assertTrue(seconds < 5, "stopped soon after the budget, took " + seconds + " s");
    assertFalse(r.partitions().get(0).linearization().isEmpty(), "keeps the prefix found so far");
  }

  /** A register whose writes may silently be lost: a step with two successor states. */
  private static class LossyRegister implements Model<String, RegisterInput, String> {
    @Override
    public String initialState() {
      return "";
    }

    @Override
    public List<String> step(String state, RegisterInput in, String out) {
      if (in.write()) {
        return in.value().equals(state) ? List.of(state) : List.of(in.value(), state);
      }
      return state.equals(out) ? List.of(state) : List.of();
    }
  }

  @Test
  void modelsMayOfferSeveralSuccessorStates() {
    // Only legal if the write of "b" was lost; the search must try the second successor.
    var lost = List.of(write(0, "a", 0, 1), write(0, "b", 2, 3), read(1, "a", 4, 5));
    assertEquals(
        Verdict.LINEARIZABLE,
        LinearizabilityChecker.check(new LossyRegister(), lost, SECOND).verdict());
    // But a lost write cannot explain a value never written.
    var wrong = List.of(write(0, "a", 0, 1), read(1, "c", 4, 5));
    assertEquals(
        Verdict.NOT_LINEARIZABLE,
        LinearizabilityChecker.check(new LossyRegister(), wrong, SECOND).verdict());
    // Both successors are needed in one history: "b" lost, then "c" kept.
    var both =
        List.of(write(0, "b", 0, 1), read(1, "", 2, 3), write(0, "c", 4, 5), read(1, "c", 6, 7));
    assertEquals(
        Verdict.LINEARIZABLE,
        LinearizabilityChecker.check(new LossyRegister(), both, SECOND).verdict());
  }

  @Test
  void modelBugsReachTheCaller() {
    Model<String, RegisterInput, String> broken =
        new LossyRegister() {
          @Override
          public List<String> step(String state, RegisterInput in, String out) {
            throw new IllegalStateException("model bug");
          }
        };
    var ops = List.of(write(0, "a", 0, 1));
    assertThrows(
        IllegalStateException.class, () -> LinearizabilityChecker.check(broken, ops, SECOND));
  }

  @Test
  void eventsBecomeOperationsTimedByPosition() {
    List<Event<RegisterInput, String>> events =
        List.of(
            Event.call(0, 1, RegisterInput.write("a")),
            Event.call(1, 2, RegisterInput.read()),
            Event.ret(0, 1, null),
            Event.ret(1, 2, "a"),
            Event.call(2, 3, RegisterInput.write("z")));
    assertThrows(IllegalArgumentException.class, () -> Events.toOperations(events));
    var ops = Events.toOperations(events, null);
    assertEquals(3, ops.size());
    assertEquals(new Operation<>(1, RegisterInput.read(), "a", 1, 3), ops.get(1));
    assertEquals(5, ops.get(2).ret(), "an open call returns after the last event");
    assertEquals(
        Verdict.LINEARIZABLE,
        LinearizabilityChecker.check(new RegisterModel(), ops, SECOND).verdict());
  }

  @Test
  void operationsRejectReturnBeforeCall() {
    assertThrows(IllegalArgumentException.class, () -> write(0, "a", 5, 4));
  }
}
