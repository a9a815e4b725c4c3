package simlab.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import simlab.linearizability.format.KvJsonLinesFormat;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOp;
import simlab.linearizability.model.KvOutput;
import simlab.linearizability.model.KvValue;

/** Append's returned old value (lab 2), the rope state, and the append-order pruning. */
class KvAppendModelTest {
  private static final CheckOptions OPTIONS = CheckOptions.withSteps(10_000_000);

  @TempDir Path dir;

  private static Operation<KvInput, KvOutput> op(
      int c, KvInput in, String out, long call, long ret) {
    return new Operation<>(c, in, out == null ? KvOutput.NONE : KvOutput.of(out), call, ret);
  }

  private static Verdict check(List<Operation<KvInput, KvOutput>> ops) {
    return LinearizabilityChecker.check(new KvModel(), ops, OPTIONS).verdict();
  }

  @Test
  void appendOutputMustBeTheOldValue() {
    var ok =
        List.of(
            op(0, KvInput.append("k", "a"), "", 0, 1), op(0, KvInput.append("k", "b"), "a", 2, 3));
    assertEquals(Verdict.LINEARIZABLE, check(ok));
    // The second append reports an old value the key never had at that point.
    var bad =
        List.of(
            op(0, KvInput.append("k", "a"), "", 0, 1), op(0, KvInput.append("k", "b"), "", 2, 3));
    assertEquals(Verdict.NOT_LINEARIZABLE, check(bad));
    // Concurrent appends: their outputs fix their order (b first, then a).
    var order =
        List.of(
            op(0, KvInput.append("k", "a"), "b", 0, 10),
            op(1, KvInput.append("k", "b"), "", 0, 10),
            op(2, KvInput.get("k"), "ba", 11, 12));
    assertEquals(Verdict.LINEARIZABLE, check(order));
    var wrongRead = List.of(order.get(0), order.get(1), op(2, KvInput.get("k"), "ab", 11, 12));
    assertEquals(Verdict.NOT_LINEARIZABLE, check(wrongRead));
  }

  @Test
  void appendOutputSurvivesJsonLines() throws Exception {
    var ops =
        List.of(
            op(0, KvInput.append("k", "a"), "", 0, 1),
            op(1, KvInput.append("k", "b"), "a", 2, 3),
            op(2, KvInput.append("k", "c"), null, 4, KvJsonLinesFormat.NEVER_RETURNED));
    Path f = dir.resolve("h.jsonl");
    KvJsonLinesFormat.write(f, ops);
    assertEquals(ops, KvJsonLinesFormat.read(f));
  }

  @Test
  void ropeValuesCompareByContent() {
    KvValue ab = KvValue.of("a").append("b").append("cd");
    KvValue same = KvValue.of("ab").append("c").append("d");
    assertEquals(ab, same);
    assertEquals(ab.hashCode(), same.hashCode());
    assertEquals("abcd", ab.toString());
    assertTrue(ab.contentEquals("abcd"));
    assertFalse(ab.contentEquals("abce"));
    assertTrue(ab.isPrefixOf("abcdx"));
    assertFalse(ab.isPrefixOf("abxdx"));
    assertFalse(ab.isPrefixOf("abc"));
    assertNotEquals(ab, KvValue.of("abce"));
    assertNotEquals(ab, KvValue.of("a").append("bcd").append("e"));
    assertEquals(KvValue.EMPTY, KvValue.of("").append(""));
  }

  /**
   * The pruning is sound: on many small random histories (appends with unique values, puts, gets,
   * some reads made stale on purpose), the checker agrees with a brute-force search over every
   * order that respects real time.
   */
  @Test
  void agreesWithBruteForceOnRandomHistories() {
    SplittableRandom rnd = new SplittableRandom(7);
    int linearizable = 0;
    for (int round = 0; round < 400; round++) {
      var ops = randomHistory(rnd, 3 + rnd.nextInt(5));
      boolean expected = BruteForce.linearizable(ops);
      linearizable += expected ? 1 : 0;
      assertEquals(
          expected ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE, check(ops), ops.toString());
    }
    assertTrue(linearizable > 40 && linearizable < 360, "both verdicts exercised: " + linearizable);
  }

  private static List<Operation<KvInput, KvOutput>> randomHistory(SplittableRandom rnd, int n) {
    KvModel model = new KvModel();
    String state = "";
    List<Operation<KvInput, KvOutput>> ops = new ArrayList<>();
    long t = 0;
    for (int i = 0; i < n; i++) {
      long call = t + rnd.nextInt(3);
      long ret = call + rnd.nextInt(8);
      t = call + 1;
      int kind = rnd.nextInt(10);
      KvInput in =
          kind < 4
              ? KvInput.get("k")
              : kind < 9 ? KvInput.append("k", "x" + i) : KvInput.put("k", "p" + i);
      KvOutput out = KvOutput.NONE;
      if (in.op() == KvOp.GET) {
        // Usually the sequential value, sometimes an older or made-up one.
        String v =
            rnd.nextInt(4) == 0 && !state.isEmpty()
                ? state.substring(0, rnd.nextInt(state.length()))
                : state;
        out = KvOutput.of(v);
      } else if (in.op() == KvOp.APPEND && rnd.nextBoolean()) {
        out = KvOutput.of(rnd.nextInt(5) == 0 ? "" : state);
      }
      String next = model.next(state, in, out);
      state = next == null ? state : next;
      ops.add(new Operation<>(i % 3, in, out, call, ret));
    }
    return ops;
  }
}
