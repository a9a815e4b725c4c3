package simlab.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import simlab.linearizability.CheckResult;
import simlab.linearizability.LinearizabilityChecker;
import simlab.linearizability.Operation;
import simlab.linearizability.Verdict;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOutput;

/**
 * The porcupine step at the end of a 6.5840 KV test: check the history against the KV
 * model with a 1 s budget (linearizabilityCheckTimeout). A timeout passes with an info
 * line, as in 6.5840; a violation writes the history as HTML and as JSON Lines (for
 * check-history) and fails with both paths.
 */
public final class HistoryCheck {
  public static final Duration TIMEOUT = Duration.ofSeconds(1);
  public static final Path OUT_DIR = Path.of("target", "histories");

  private HistoryCheck() {
  }

  /** Throws AssertionError if the history is not linearizable. */
  public static Verdict assertLinearizable(List<Operation<KvInput, KvOutput>> history, String testName, long seed) {
    KvModel model = new KvModel();
    CheckResult<KvInput, KvOutput> r = LinearizabilityChecker.check(model, history, TIMEOUT);
    if (r.verdict() == Verdict.UNKNOWN) {
      System.out.println("info: linearizability check timed out, assuming history is ok");
    } else if (r.verdict() == Verdict.NOT_LINEARIZABLE) {
      FailedHistoryFiles files = FailedHistoryFiles.of(OUT_DIR, testName, seed);
      try {
        files.write(r, model, history);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + files.html() + " or " + files.jsonl(), e);
      }
      throw new AssertionError("history is not linearizable (" + history.size() + " operations); "
          + files.describe());
    }
    return r.verdict();
  }
}
