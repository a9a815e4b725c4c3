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
import simlab.linearizability.html.HtmlReport;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOutput;

class HtmlReportTest {
    @TempDir
    Path dir;

    private static Operation<KvInput, KvOutput> op(int client, KvInput in, String out, long call, long ret) {
        return new Operation<>(client, in, out == null ? KvOutput.NONE : KvOutput.of(out), call, ret);
    }

    @Test
    void badHistoryPageIsSelfContainedAndPointsAtTheFailure() throws Exception {
        List<Operation<KvInput, KvOutput>> ops = List.of(
                op(0, KvInput.put("k", "<a&b>"), null, 0, 10),
                op(1, KvInput.append("k", "x"), null, 12, 20),
                op(2, KvInput.get("k"), "<a&b>", 25, 30),
                op(0, KvInput.put("other", "1"), null, 0, 1));
        KvModel model = new KvModel();
        CheckResult<KvInput, KvOutput> result = LinearizabilityChecker.check(model, ops, Duration.ofSeconds(1));
        assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict());
        Path out = dir.resolve("sub/report.html");
        HtmlReport.write(out, result, model);
        String html = Files.readString(out);

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<h1 class=\"verdict bad\">NOT LINEARIZABLE</h1>"));
        // The stale read is the failing operation: red bar and red table row, HTML-escaped.
        String failing = "get(&quot;k&quot;) -&gt; &quot;&lt;a&amp;b&gt;&quot;";
        assertTrue(html.contains("<span class=\"bar fail\""), "a red bar");
        assertTrue(html.contains("<tr class=\"failrow\"><td>!</td><td>2</td><td>" + failing + "</td>"), "failing row");
        // The prefix: the put then the append, with the state after each in the tooltip.
        assertTrue(html.contains("linearized #2; state after: &quot;&lt;a&amp;b&gt;x&quot;"));
        assertTrue(html.contains("client 0") && html.contains("client 1") && html.contains("client 2"));
        assertTrue(html.contains("class=\"legend\""));
        assertEquals(2, count(html, "<section class=\"partition\""), "one section per key");
        // Nothing is fetched: no external script, stylesheet, font or link.
        assertFalse(html.contains("<script src="));
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("http"));
        assertFalse(html.contains("<a&b>"), "user text is escaped");
        assertTrue(html.contains("<script>") && html.contains("<style>"));
    }

    @Test
    void linearizableHistoryShowsTheLinearization() {
        var ops = List.of(op(0, KvInput.put("k", "v"), null, 0, 1), op(1, KvInput.get("k"), "v", 2, 3));
        KvModel model = new KvModel();
        String html = HtmlReport.render(LinearizabilityChecker.check(model, ops, Duration.ofSeconds(1)), model);
        assertTrue(html.contains("<h1 class=\"verdict ok\">LINEARIZABLE</h1>"));
        assertTrue(html.contains("<summary>Linearization</summary>"));
        assertFalse(html.contains("<span class=\"bar fail\""));
        assertEquals(2, count(html, "<span class=\"bar lin\""));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
