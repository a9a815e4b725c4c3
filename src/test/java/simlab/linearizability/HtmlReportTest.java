package simlab.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import simlab.linearizability.html.HistoryTime;
import simlab.linearizability.html.HtmlReport;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOutput;

class HtmlReportTest {
  @TempDir Path dir;

  private static Operation<KvInput, KvOutput> op(
      int client, KvInput in, String out, long call, long ret) {
    return new Operation<>(client, in, out == null ? KvOutput.NONE : KvOutput.of(out), call, ret);
  }

  @Test
  void badHistoryPageIsSelfContainedAndPointsAtTheFailure() throws Exception {
    List<Operation<KvInput, KvOutput>> ops =
        List.of(
            op(0, KvInput.put("k", "<a&b>"), null, 0, 10),
            op(1, KvInput.append("k", "x"), null, 12, 20),
            op(2, KvInput.get("k"), "<a&b>", 25, 30),
            op(0, KvInput.put("other", "1"), null, 0, 1));
    KvModel model = new KvModel();
    CheckResult<KvInput, KvOutput> result =
        LinearizabilityChecker.check(model, ops, Duration.ofSeconds(1));
    assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict());
    Path out = dir.resolve("sub/report.html");
    HtmlReport.write(out, result, model);
    String html = Files.readString(out);

    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<h1 class=\"verdict bad\">NOT LINEARIZABLE</h1>"));
    // The stale read is the failing operation: red bar and red table row, HTML-escaped.
    String failing = "get(&quot;k&quot;) -&gt; &quot;&lt;a&amp;b&gt;&quot;";
    assertTrue(html.contains("<span class=\"bar fail\""), "a red bar");
    assertTrue(
        html.contains(
            "<tr class=\"failrow\" id=\"p0-fail\"><td>!</td><td>2</td><td>" + failing + "</td>"),
        "failing row");
    // The prefix: the put then the append, with the state after each in the tooltip.
    assertTrue(html.contains("linearized #2; state after: &quot;&lt;a&amp;b&gt;x&quot;"));
    assertTrue(html.contains("client 0") && html.contains("client 1") && html.contains("client 2"));
    assertTrue(html.contains("class=\"legend\""));
    assertEquals(2, count(html, "<section class=\"partition\""), "one section per key");
    // Nothing is fetched: no external script, stylesheet, font or link.
    assertFalse(html.contains("<script src="));
    assertFalse(html.contains("<link"));
    assertFalse(html.contains("http"));
    assertFalse(html.contains(" src="));
    assertFalse(html.contains("url("));
    assertFalse(html.contains("@import"));
    assertFalse(html.contains("<a&b>"), "user text is escaped");
    assertTrue(html.contains("<script>") && html.contains("<style>"));
  }

  @Test
  void linearizableHistoryShowsTheLinearization() {
    var ops = List.of(op(0, KvInput.put("k", "v"), null, 0, 1), op(1, KvInput.get("k"), "v", 2, 3));
    KvModel model = new KvModel();
    String html =
        HtmlReport.render(LinearizabilityChecker.check(model, ops, Duration.ofSeconds(1)), model);
    assertTrue(html.contains("<h1 class=\"verdict ok\">LINEARIZABLE</h1>"));
    assertTrue(html.contains("<summary>Linearization</summary>"));
    assertFalse(html.contains("<span class=\"bar fail\""));
    assertEquals(2, count(html, "<span class=\"bar lin\""));
  }

  @Test
  void failingPartitionsComeFirstOpenAndLinkedAndPartsAreLabelledByKey() {
    // Key order puts the linearizable "a" and "c" around the failing "b".
    var ops =
        List.of(
            op(0, KvInput.put("a", "1"), null, 0, 1),
            op(1, KvInput.get("a"), "1", 2, 3),
            op(0, KvInput.put("b", "1"), null, 0, 1),
            op(1, KvInput.get("b"), "2", 2, 3),
            op(0, KvInput.put("c", "1"), null, 0, 1));
    KvModel model = new KvModel();
    CheckResult<KvInput, KvOutput> result =
        LinearizabilityChecker.check(model, ops, Duration.ofSeconds(1));
    assertEquals(
        List.of(Verdict.LINEARIZABLE, Verdict.NOT_LINEARIZABLE, Verdict.LINEARIZABLE),
        result.partitions().stream().map(PartitionResult::verdict).toList());
    String html = HtmlReport.render(result, model);

    int b = html.indexOf("<section class=\"partition\" id=\"p1\">");
    int a = html.indexOf("<section class=\"partition\" id=\"p0\">");
    int c = html.indexOf("<section class=\"partition\" id=\"p2\">");
    assertTrue(b >= 0 && b < a && a < c, "failing key first, then the others in key order");
    assertTrue(
        html.startsWith(
            "<section class=\"partition\" id=\"p1\">\n<details open><summary><h2>key &quot;b&quot;",
            b),
        "the failing partition is open and labelled by its key");
    assertTrue(
        html.startsWith(
            "<section class=\"partition\" id=\"p0\">\n<details><summary><h2>key &quot;a&quot;", a),
        "a linearizable partition is collapsed");
    assertFalse(html.contains("Partition 1"));
    int summary =
        html.indexOf(
            "<p class=\"failures bad\">Not linearizable (1 of 3): <a href=\"#p1\">key &quot;b&quot;</a></p>");
    assertTrue(summary >= 0 && summary < b, "a link to the failure above the partitions");
  }

  @Test
  void aModelWithoutPartitionNamesFallsBackToTheNumber() {
    var ops = List.of(op(0, KvInput.put("k", "v"), null, 0, 1));
    var model = KvModel.unpartitioned();
    String html =
        HtmlReport.render(LinearizabilityChecker.check(model, ops, Duration.ofSeconds(1)), model);
    assertTrue(html.contains("<h2>Partition 0 &middot; 1 operations"));
  }

  @Test
  void barsSpanTheRowAndAnUnreturnedWriteRunsToTheRightEdge() {
    // Virtual nanoseconds: 2 ms to 10 ms, the append never returns.
    var ops =
        List.of(
            op(0, KvInput.put("k", "a"), null, 2_000_000, 4_000_000),
            op(1, KvInput.get("k"), "a", 6_000_000, 10_000_000),
            op(2, KvInput.append("k", "b"), null, 8_000_000, Long.MAX_VALUE));
    KvModel model = new KvModel();
    String html =
        HtmlReport.render(
            LinearizabilityChecker.check(model, ops, Duration.ofSeconds(1)),
            model,
            HistoryTime.VIRTUAL_NANOS);
    // The axis ends 1/20 of the span after the last return, leaving room for the open bar.
    double span = 8_400_000;
    assertTrue(
        html.contains("style=\"left:0.000%;width:" + pct(2_000_000 / span) + "%\""),
        "first call at 0");
    assertTrue(
        html.contains(
            "style=\"left:" + pct(4_000_000 / span) + "%;width:" + pct(4_000_000 / span) + "%\""),
        "the get, to scale");
    assertTrue(
        html.contains(
            "<span class=\"bar lin open\" style=\"left:"
                + pct(6_000_000 / span)
                + "%;width:"
                + pct(1 - 6_000_000 / span)
                + "%\""),
        "the open append reaches the right edge");
    assertTrue(html.contains("return never"));
    assertTrue(html.contains(">2.00 ms</span>") && html.contains(">10.40 ms</span>"), "axis in ms");
    assertTrue(html.contains("call 6 ms, return 10 ms"), "exact times in the tooltip");
  }

  private static String pct(double fraction) {
    return String.format(java.util.Locale.ROOT, "%.3f", 100 * fraction);
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
