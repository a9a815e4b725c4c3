package simlab.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import simlab.linearizability.CheckOptions;
import simlab.linearizability.CheckResult;
import simlab.linearizability.LinearizabilityChecker;
import simlab.linearizability.Operation;
import simlab.linearizability.Verdict;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOutput;

/**
 * The porcupine step at the end of a 6.5840 KV test: check the history against the KV model.
 *
 * <p>Unlike 6.5840 (1 s of wall time, and a timeout passes), the budget is {@link #MAX_STEPS}
 * search steps per key, so the verdict is a function of the seed alone, on any machine under any
 * load; and a history the checker could not decide within it FAILS the test, so that no history
 * ever passes unchecked. The budget is far above what the graded tests need (see README,
 * "Linearizability checker"), so such a failure means a history unlike the ones the reference
 * produces. A violation, or an undecided history, writes the history as HTML and as JSON Lines (for
 * check-history) and the failure message carries both paths.
 */
public final class HistoryCheck {
  /** Search steps each key's check may take. */
  public static final long MAX_STEPS = 2_000_000;

  public static final Path OUT_DIR = Path.of("target", "histories");

  private HistoryCheck() {}

  /** Throws AssertionError if the history is not linearizable or could not be decided. */
  public static Verdict assertLinearizable(
      List<Operation<KvInput, KvOutput>> history, String testName, long seed) {
    return assertLinearizable(history, testName, seed, MAX_STEPS);
  }

  static Verdict assertLinearizable(
      List<Operation<KvInput, KvOutput>> history, String testName, long seed, long maxSteps) {
    KvModel model = new KvModel();
    CheckResult<KvInput, KvOutput> r =
        LinearizabilityChecker.check(model, history, CheckOptions.withSteps(maxSteps));
    if (r.verdict() == Verdict.LINEARIZABLE) {
      return r.verdict();
    }
    FailedHistoryFiles files = FailedHistoryFiles.of(OUT_DIR, testName, seed);
    String where;
    try {
      files.write(r, model, history);
      where = files.describe();
    } catch (IOException e) {
      where = "could not write the history to " + files.html() + " and " + files.jsonl() + ": " + e;
    }
    if (r.verdict() == Verdict.UNKNOWN) {
      String why =
          r.exhausted().equals("steps")
              ? "a key needed more than " + maxSteps + " search steps"
              : "the checker ran out of " + (r.exhausted().isEmpty() ? "budget" : r.exhausted());
      throw new AssertionError(
          "linearizability check undecided ("
              + history.size()
              + " operations): "
              + why
              + "; an unchecked history does not pass; "
              + where);
    }
    throw new AssertionError(
        "history is not linearizable (" + history.size() + " operations); " + where);
  }
}
