package simlab.linearizability.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import simlab.linearizability.CheckResult;
import simlab.linearizability.LinearizedStep;
import simlab.linearizability.Model;
import simlab.linearizability.Operation;
import simlab.linearizability.PartitionResult;
import simlab.linearizability.Verdict;

/**
 * Writes a checked history as one self-contained HTML page (inline CSS and JS, nothing
 * fetched), to open offline: per partition, one row per client with its operations as
 * bars on a time line, the linearization (or longest linearizable prefix) numbered, the
 * operation that cannot be linearized in red, and the model state after each linearized
 * operation in a tooltip and in a table.
 *
 * <p>Times are drawn by rank, not to scale: only the order of calls and returns matters
 * for linearizability, and ranks keep short operations visible next to long ones.
 */
public final class HtmlReport {
    private static final int UNIT_PX = 14;
    private static final int ROW_PX = 26;

    private HtmlReport() {
    }

    public static <S, I, O> void write(Path out, CheckResult<I, O> result, Model<S, I, O> model) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, render(result, model), StandardCharsets.UTF_8);
    }

    public static <S, I, O> String render(CheckResult<I, O> result, Model<S, I, O> model) {
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Linearizability: ").append(esc(result.verdict().text())).append("</title>\n")
                .append("<style>\n").append(HtmlAssets.CSS).append("</style>\n</head>\n<body>\n");
        b.append("<h1 class=\"verdict ").append(cssClass(result.verdict())).append("\">")
                .append(esc(result.verdict().text().toUpperCase(java.util.Locale.ROOT))).append("</h1>\n");
        long failed = result.partitions().stream().filter(p -> p.verdict() == Verdict.NOT_LINEARIZABLE).count();
        b.append("<p class=\"summary\">").append(result.partitions().size()).append(" partition(s), ")
                .append(failed).append(" not linearizable; checked in ")
                .append(result.elapsed().toMillis()).append(" ms. Initial state: <code>")
                .append(esc(result.initialState())).append("</code></p>\n");
        legend(b);
        for (PartitionResult<I, O> p : result.partitions()) {
            partition(b, p, model);
        }
        b.append("<div id=\"tip\" class=\"tip\" hidden></div>\n<script>\n").append(HtmlAssets.JS)
                .append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void legend(StringBuilder b) {
        b.append("<div class=\"legend\"><span class=\"bar lin sample\">3</span> linearized, with its position")
                .append("<span class=\"bar fail sample\">!</span> cannot be linearized next")
                .append("<span class=\"bar other sample\"></span> not reached")
                .append("<span class=\"hint\">Hover over an operation for details and the state after it.</span>")
                .append("</div>\n");
    }

    private static <S, I, O> void partition(StringBuilder b, PartitionResult<I, O> p, Model<S, I, O> model) {
        List<Operation<I, O>> ops = p.operations();
        b.append("<section class=\"partition\" id=\"p").append(p.index()).append("\">\n<h2>Partition ")
                .append(p.index()).append(" &middot; ").append(ops.size()).append(" operations &middot; <span class=\"")
                .append(cssClass(p.verdict())).append("\">")
                .append(p.skipped() ? "not finished (another partition failed first)" : esc(p.verdict().text()))
                .append("</span></h2>\n");
        if (ops.isEmpty()) {
            b.append("</section>\n");
            return;
        }
        int[] position = new int[ops.size()];
        String[] after = new String[ops.size()];
        Arrays.fill(position, -1);
        List<LinearizedStep> steps = p.linearization();
        for (int k = 0; k < steps.size(); k++) {
            position[steps.get(k).operation()] = k;
            after[steps.get(k).operation()] = steps.get(k).stateAfter();
        }
        long[] times = ops.stream().flatMapToLong(o -> java.util.stream.LongStream.of(o.call(), o.ret()))
                .distinct().sorted().toArray();
        Map<Integer, TreeSet<Integer>> rows = new TreeMap<>();
        for (int i = 0; i < ops.size(); i++) {
            rows.computeIfAbsent(ops.get(i).clientId(), c -> new TreeSet<>()).add(i);
        }
        int width = (times.length + 1) * UNIT_PX;
        b.append("<div class=\"timeline\"><div class=\"rows\" style=\"width:").append(width + 90).append("px\">\n");
        for (Map.Entry<Integer, TreeSet<Integer>> row : rows.entrySet()) {
            b.append("<div class=\"row\" style=\"height:").append(ROW_PX).append("px\"><span class=\"client\">client ")
                    .append(row.getKey()).append("</span>");
            for (int i : row.getValue()) {
                Operation<I, O> o = ops.get(i);
                int x0 = Arrays.binarySearch(times, o.call()) * UNIT_PX;
                int x1 = (Arrays.binarySearch(times, o.ret()) + 1) * UNIT_PX;
                String kind = i == p.failingOperation() ? "fail" : position[i] >= 0 ? "lin" : "other";
                String desc = model.describeOperation(o.input(), o.output());
                StringBuilder tip = new StringBuilder(desc).append("\nclient ").append(o.clientId())
                        .append(", call ").append(o.call()).append(", return ").append(o.ret());
                if (position[i] >= 0) {
                    tip.append("\nlinearized #").append(position[i] + 1).append("; state after: ").append(after[i]);
                } else if (kind.equals("fail")) {
                    tip.append("\ncannot be linearized after the prefix below");
                }
                b.append("<span class=\"bar ").append(kind).append("\" style=\"left:").append(x0 + 80)
                        .append("px;width:").append(Math.max(x1 - x0 - 2, 4)).append("px\" data-tip=\"")
                        .append(esc(tip.toString())).append("\" title=\"").append(esc(tip.toString())).append("\">")
                        .append(kind.equals("lin") ? String.valueOf(position[i] + 1) : kind.equals("fail") ? "!" : "")
                        .append("</span>");
            }
            b.append("</div>\n");
        }
        b.append("</div></div>\n");
        linearizationTable(b, p, model, after);
        b.append("</section>\n");
    }

    private static <S, I, O> void linearizationTable(StringBuilder b, PartitionResult<I, O> p, Model<S, I, O> model,
                                                     String[] after) {
        List<Operation<I, O>> ops = p.operations();
        String title = p.verdict() == Verdict.LINEARIZABLE ? "Linearization"
                : "Longest linearizable prefix found (" + p.linearization().size() + " of " + ops.size() + ")";
        b.append("<details").append(p.verdict() == Verdict.NOT_LINEARIZABLE ? " open" : "").append("><summary>")
                .append(esc(title)).append("</summary>\n<table>\n<tr><th>#</th><th>client</th><th>operation</th>")
                .append("<th>state after</th></tr>\n");
        int k = 1;
        for (LinearizedStep s : p.linearization()) {
            Operation<I, O> o = ops.get(s.operation());
            b.append("<tr><td>").append(k++).append("</td><td>").append(o.clientId()).append("</td><td>")
                    .append(esc(model.describeOperation(o.input(), o.output()))).append("</td><td><code>")
                    .append(esc(after[s.operation()])).append("</code></td></tr>\n");
        }
        if (p.failingOperation() >= 0) {
            Operation<I, O> o = ops.get(p.failingOperation());
            b.append("<tr class=\"failrow\"><td>!</td><td>").append(o.clientId()).append("</td><td>")
                    .append(esc(model.describeOperation(o.input(), o.output())))
                    .append("</td><td>not linearizable here: no order of the remaining operations lets it take "
                            + "effect before it returned</td></tr>\n");
        }
        b.append("</table></details>\n");
    }

    private static String cssClass(Verdict v) {
        return switch (v) {
            case LINEARIZABLE -> "ok";
            case NOT_LINEARIZABLE -> "bad";
            case UNKNOWN -> "unknown";
        };
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\n' -> b.append("&#10;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
