package simlab.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import simlab.linearizability.format.KvJsonLinesFormat;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOutput;

/**
 * A 100,000-operation history on one key: the checker's memory follows what the search visits (the
 * memo starts small and stores the window of operations in flight), so it finishes within small
 * step and memory budgets instead of pre-allocating from the operation count (which used to die
 * with OutOfMemoryError).
 */
class LargeHistoryTest {
  static final int OPS = 100_000;

  @TempDir Path dir;

  /**
   * Linearizable by construction: 8 clients, each operation takes effect at a random instant inside
   * its own call..return interval, on one key: Gets and Puts of unique values; overlapping
   * intervals make it a real search.
   */
  static List<Operation<KvInput, KvOutput>> generate(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int clients = 8;
    long[] free = new long[clients];
    record Pending(int client, KvInput in, long call, long at, long ret) {}
    List<Pending> pending = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int c = rnd.nextInt(clients);
      long call = free[c] + rnd.nextInt(5);
      long ret = call + 1 + rnd.nextInt(40);
      long at = call + rnd.nextLong(ret - call + 1);
      free[c] = ret + 1;
      int kind = rnd.nextInt(10);
      // Puts, not appends: 100,000 appends would make the reads' values (the history
      // itself) gigabytes long.
      KvInput in = kind < 5 ? KvInput.get("k") : KvInput.put("k", "v" + i);
      pending.add(new Pending(c, in, call, at * 2 + 1, ret));
    }
    // Apply in effect order; ties cannot happen because effect instants are odd and distinct
    // enough.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(
        (a, b) -> {
          int cmp = Long.compare(pending.get(a).at(), pending.get(b).at());
          return cmp != 0 ? cmp : Integer.compare(a, b);
        });
    KvModel model = new KvModel();
    String state = "";
    KvOutput[] outputs = new KvOutput[n];
    for (int i : order) {
      KvInput in = pending.get(i).in();
      outputs[i] =
          in.op() == simlab.linearizability.model.KvOp.GET ? KvOutput.of(state) : KvOutput.NONE;
      state = model.next(state, in, outputs[i]);
    }
    List<Operation<KvInput, KvOutput>> ops = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Pending p = pending.get(i);
      // Times doubled so that the doubled effect instant lies strictly inside.
      ops.add(new Operation<>(p.client(), p.in(), outputs[i], p.call() * 2, p.ret() * 2 + 2));
    }
    return ops;
  }

  @Test
  void largeSingleKeyHistoryStopsAtItsStepBudgetWithinASmallMemoryBudget() {
    var ops = generate(OPS, 42);
    // Before, the memo was pre-allocated from the operation count (n * 8 slots of n/64
    // words each), an OutOfMemoryError at this size. Now 256 MiB is never reached.
    var options = CheckOptions.withSteps(3L * OPS).withMaxMemoryBytes(256L << 20);
    var r = LinearizabilityChecker.check(new KvModel(), ops, options);
    assertTrue(
        r.verdict() == Verdict.LINEARIZABLE || r.exhausted().equals("steps"),
        r.verdict() + " exhausted: " + r.exhausted());
    assertTrue(r.steps() <= 3L * OPS, "the budget holds: " + r.steps());
    assertTrue(r.steps() >= OPS / 2, "the search got far: " + r.steps());
  }

  @Test
  void aTinyMemoryBudgetGivesUnknownNotOutOfMemory() {
    var ops = generate(OPS, 43);
    var options = CheckOptions.withSteps(CheckOptions.UNLIMITED_STEPS).withMaxMemoryBytes(1 << 16);
    var r = LinearizabilityChecker.check(new KvModel(), ops, options);
    assertEquals(Verdict.UNKNOWN, r.verdict());
    assertEquals("memory", r.exhausted());
  }

  @Test
  void checkHistoryOnTheLargeFileAnswersWithinItsTimeout() throws Exception {
    Path file = dir.resolve("large.jsonl");
    KvJsonLinesFormat.write(file, generate(OPS, 44));
    var run = CheckHistoryRun.of(file.toString(), "--timeout", "5");
    assertTrue(
        run.exit() == 0 || run.exit() == 2,
        "verdict or unknown, got exit " + run.exit() + ": " + run.err());
    assertTrue(
        run.out().strip().equals("linearizable") || run.out().strip().equals("unknown"), run.out());
    assertTrue(Files.size(file) > 1_000_000);
  }
}
