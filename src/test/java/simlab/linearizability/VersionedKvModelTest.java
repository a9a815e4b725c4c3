package simlab.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.kvsrv1.Err;
import simlab.linearizability.model.VersionedInput;
import simlab.linearizability.model.VersionedKvModel;
import simlab.linearizability.model.VersionedOutput;
import simlab.linearizability.model.VersionedValue;

/** 6.5840's versioned KV model, rule by rule, and on whole histories. */
class VersionedKvModelTest {
  private final VersionedKvModel model = new VersionedKvModel();
  private static final VersionedValue START = VersionedValue.INITIAL;
  private static final VersionedValue X1 = new VersionedValue("x", 1);

  @Test
  void startsEmptyAtVersionZero() {
    assertEquals(new VersionedValue("", 0), model.initialState());
  }

  @Test
  void getIsLegalExactlyWhenTheValueMatches() {
    assertEquals(X1, model.next(X1, VersionedInput.get("k"), VersionedOutput.got("x", 1)));
    assertNull(model.next(X1, VersionedInput.get("k"), VersionedOutput.got("y", 1)));
    // 6.5840 checks neither the version nor the Err of a Get.
    assertEquals(X1, model.next(X1, VersionedInput.get("k"), VersionedOutput.got("x", 7)));
    assertEquals(
        START,
        model.next(START, VersionedInput.get("k"), new VersionedOutput("", 0, Err.ErrNoKey)));
    assertNull(model.next(X1, VersionedInput.get("k"), new VersionedOutput("", 0, Err.ErrNoKey)));
  }

  @Test
  void putAtTheCurrentVersionAppliesOnOkOrMaybe() {
    VersionedInput put = VersionedInput.put("k", "y", 1);
    VersionedValue y2 = new VersionedValue("y", 2);
    assertEquals(y2, model.next(X1, put, VersionedOutput.of(Err.OK)));
    assertEquals(y2, model.next(X1, put, VersionedOutput.of(Err.ErrMaybe)));
    assertNull(model.next(X1, put, VersionedOutput.of(Err.ErrVersion)));
    assertNull(model.next(X1, put, VersionedOutput.of(Err.ErrNoKey)));
    assertEquals(
        X1, model.next(START, VersionedInput.put("k", "x", 0), VersionedOutput.of(Err.OK)));
  }

  @Test
  void putAtAnotherVersionChangesNothingOnVersionOrMaybe() {
    VersionedInput stale = VersionedInput.put("k", "y", 0);
    assertEquals(X1, model.next(X1, stale, VersionedOutput.of(Err.ErrVersion)));
    assertEquals(X1, model.next(X1, stale, VersionedOutput.of(Err.ErrMaybe)));
    assertNull(model.next(X1, stale, VersionedOutput.of(Err.OK)));
    // As in 6.5840's model: ErrNoKey is not a legal answer to a Put of the wrong version.
    assertNull(
        model.next(START, VersionedInput.put("k", "y", 3), VersionedOutput.of(Err.ErrNoKey)));
  }

  private static Verdict check(List<Operation<VersionedInput, VersionedOutput>> ops) {
    return LinearizabilityChecker.check(new VersionedKvModel(), ops, CheckOptions.withSteps(10_000))
        .verdict();
  }

  private static Operation<VersionedInput, VersionedOutput> put(
      int client, String v, long version, Err err, long call, long ret) {
    return new Operation<>(
        client, VersionedInput.put("k", v, version), VersionedOutput.of(err), call, ret);
  }

  private static Operation<VersionedInput, VersionedOutput> get(String v, long call, long ret) {
    return new Operation<>(9, VersionedInput.get("k"), VersionedOutput.got(v, 0), call, ret);
  }

  @Test
  void maybeMeansAppliedOrNotDependingOnTheOrder() {
    // Applied: nobody else wrote, so the version matched and the Put took effect.
    assertEquals(
        Verdict.LINEARIZABLE,
        check(
            List.of(
                put(0, "a", 0, Err.OK, 0, 1), put(0, "b", 1, Err.ErrMaybe, 2, 5), get("b", 6, 7))));
    // Not applied: a concurrent Put won, so the retry saw another version.
    assertEquals(
        Verdict.LINEARIZABLE,
        check(
            List.of(
                put(0, "a", 0, Err.OK, 0, 1),
                put(0, "b", 1, Err.ErrMaybe, 2, 5),
                put(1, "c", 1, Err.OK, 3, 4),
                get("c", 6, 7))));
    // With the version unchanged throughout, ErrMaybe cannot mean "not applied".
    assertEquals(
        Verdict.NOT_LINEARIZABLE,
        check(
            List.of(
                put(0, "a", 0, Err.OK, 0, 1), put(0, "b", 1, Err.ErrMaybe, 2, 5), get("a", 6, 7))));
  }

  @Test
  void twoConcurrentPutsAtOneVersionCannotBothSucceed() {
    assertEquals(
        Verdict.NOT_LINEARIZABLE,
        check(List.of(put(0, "a", 0, Err.OK, 0, 3), put(1, "b", 0, Err.OK, 1, 4))));
    assertEquals(
        Verdict.LINEARIZABLE,
        check(
            List.of(
                put(0, "a", 0, Err.OK, 0, 3),
                put(1, "b", 0, Err.ErrVersion, 1, 4),
                get("a", 5, 6))));
  }

  @Test
  void describesOperationsAndStates() {
    assertEquals(
        "put(\"k\", \"y\", v1) -> ErrVersion",
        model.describeOperation(
            VersionedInput.put("k", "y", 1), VersionedOutput.of(Err.ErrVersion)));
    assertEquals(
        "get(\"k\") -> \"x\" v1",
        model.describeOperation(VersionedInput.get("k"), VersionedOutput.got("x", 1)));
    assertEquals("\"\" v0", model.describeState(START));
  }
}
