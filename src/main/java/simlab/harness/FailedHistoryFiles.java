package simlab.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import simlab.linearizability.CheckResult;
import simlab.linearizability.Operation;
import simlab.linearizability.format.KvJsonLinesFormat;
import simlab.linearizability.html.HistoryTime;
import simlab.linearizability.html.HtmlReport;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOutput;

/**
 * Where a non-linearizable KV history is saved: an HTML view to look at and the same operations as
 * JSON Lines, so the verdict can be re-checked offline with check-history.
 */
record FailedHistoryFiles(Path html, Path jsonl) {
  static FailedHistoryFiles of(Path dir, String testName, long seed) {
    String base = testName + "-seed" + seed;
    return new FailedHistoryFiles(dir.resolve(base + ".html"), dir.resolve(base + ".jsonl"));
  }

  void write(
      CheckResult<KvInput, KvOutput> result, KvModel model, List<Operation<KvInput, KvOutput>> ops)
      throws IOException {
    Files.createDirectories(html.toAbsolutePath().getParent());
    HtmlReport.write(html, result, model, HistoryTime.VIRTUAL_NANOS);
    KvJsonLinesFormat.write(jsonl, ops);
  }

  /** Both paths, and the command that re-checks the history. */
  String describe() {
    return "visualization written to "
        + html.toAbsolutePath()
        + "; history written to "
        + jsonl.toAbsolutePath()
        + " (re-check: test-scripts/check-history "
        + jsonl.toAbsolutePath()
        + " --html /tmp/h.html)";
  }
}
