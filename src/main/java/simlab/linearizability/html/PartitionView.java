package simlab.linearizability.html;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import simlab.linearizability.LinearizedStep;
import simlab.linearizability.Model;
import simlab.linearizability.Operation;
import simlab.linearizability.PartitionResult;
import simlab.linearizability.Verdict;

/**
 * One partition of the report: a collapsible section with a time line (one row per client,
 * operations as bars scaled to the partition's own time span) and the linearization, or the longest
 * linearizable prefix with the failing operation in red.
 */
final class PartitionView<S, I, O> {
  private static final int AXIS_TICKS = 4;

  private final PartitionResult<I, O> p;
  private final Model<S, I, O> model;
  private final HistoryTime time;
  private final String label;
  private final int[] position;
  private final String[] after;

  PartitionView(PartitionResult<I, O> p, Model<S, I, O> model, HistoryTime time) {
    this.p = p;
    this.model = model;
    this.time = time;
    this.label = model.describePartition(p.operations()).orElse("Partition " + p.index());
    List<Operation<I, O>> ops = p.operations();
    position = new int[ops.size()];
    after = new String[ops.size()];
    Arrays.fill(position, -1);
    List<LinearizedStep> steps = p.linearization();
    for (int k = 0; k < steps.size(); k++) {
      position[steps.get(k).operation()] = k;
      after[steps.get(k).operation()] = steps.get(k).stateAfter();
    }
  }

  String label() {
    return label;
  }

  String anchor() {
    return "p" + p.index();
  }

  void render(StringBuilder b) {
    List<Operation<I, O>> ops = p.operations();
    // Failures (and searches that ran out of time) are what the reader came for.
    boolean open =
        p.verdict() == Verdict.NOT_LINEARIZABLE || (p.verdict() == Verdict.UNKNOWN && !p.skipped());
    b.append("<section class=\"partition\" id=\"")
        .append(anchor())
        .append("\">\n<details")
        .append(open ? " open" : "")
        .append("><summary><h2>")
        .append(HtmlReport.esc(label))
        .append(" &middot; ")
        .append(ops.size())
        .append(" operations &middot; <span class=\"")
        .append(HtmlReport.cssClass(p.verdict()))
        .append("\">")
        .append(
            p.skipped()
                ? "not finished (another partition failed first)"
                : HtmlReport.esc(p.verdict().text()))
        .append("</span></h2></summary>\n");
    if (!ops.isEmpty()) {
      timeline(b);
      linearizationTable(b);
    }
    b.append("</details>\n</section>\n");
  }

  private void timeline(StringBuilder b) {
    List<Operation<I, O>> ops = p.operations();
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    boolean anyOpen = false;
    for (Operation<I, O> o : ops) {
      start = Math.min(start, o.call());
      end = Math.max(end, o.call());
      if (o.ret() == HistoryTime.NEVER_RETURNED) {
        anyOpen = true;
      } else {
        end = Math.max(end, o.ret());
      }
    }
    if (anyOpen) {
      // Room after the last known time, so an operation that never returned and was
      // called last still shows as a bar running off to the right.
      end += Math.max(1, (end - start) / 20);
    }
    long span = Math.max(1, end - start);
    Map<Integer, TreeSet<Integer>> rows = new TreeMap<>();
    for (int i = 0; i < ops.size(); i++) {
      rows.computeIfAbsent(ops.get(i).clientId(), c -> new TreeSet<>()).add(i);
    }
    b.append("<div class=\"timeline\">\n");
    for (Map.Entry<Integer, TreeSet<Integer>> row : rows.entrySet()) {
      b.append("<div class=\"row\"><span class=\"client\">client ")
          .append(row.getKey())
          .append("</span><div class=\"track\">");
      for (int i : row.getValue()) {
        bar(b, i, start, span);
      }
      b.append("</div></div>\n");
    }
    b.append("<div class=\"row axis\"><span class=\"client\">")
        .append(axisUnit())
        .append("</span><div class=\"track\">");
    for (int k = 0; k <= AXIS_TICKS; k++) {
      long offset = (long) (span * (double) k / AXIS_TICKS);
      long t = start + offset;
      String edge = k == 0 ? " first" : k == AXIS_TICKS ? " last" : "";
      b.append("<span class=\"tick")
          .append(edge)
          .append("\" style=\"left:")
          .append(fmt(pct(offset, span)))
          .append("%\">")
          .append(HtmlReport.esc(time.axisLabel(t, span)))
          .append("</span>");
    }
    b.append("</div></div>\n</div>\n");
  }

  private String axisUnit() {
    return switch (time) {
      case VIRTUAL_NANOS -> "time";
      case LINE_NUMBERS -> "log line";
      case PLAIN -> "time";
    };
  }

  private void bar(StringBuilder b, int i, long start, long span) {
    Operation<I, O> o = p.operations().get(i);
    boolean neverReturned = o.ret() == HistoryTime.NEVER_RETURNED;
    double left = pct(o.call() - start, span);
    double right = neverReturned ? 100.0 : pct(o.ret() - start, span);
    String kind = i == p.failingOperation() ? "fail" : position[i] >= 0 ? "lin" : "other";
    String desc = model.describeOperation(o.input(), o.output());
    StringBuilder tip =
        new StringBuilder(desc)
            .append("\nclient ")
            .append(o.clientId())
            .append(", call ")
            .append(time.exact(o.call()))
            .append(", return ")
            .append(time.exact(o.ret()));
    if (position[i] >= 0) {
      tip.append("\nlinearized #")
          .append(position[i] + 1)
          .append("; state after: ")
          .append(after[i]);
    } else if (kind.equals("fail")) {
      tip.append("\ncannot be linearized after the prefix below");
    }
    String escTip = HtmlReport.esc(tip.toString());
    b.append("<span class=\"bar ")
        .append(kind)
        .append(neverReturned ? " open" : "")
        .append("\" style=\"left:")
        .append(fmt(left))
        .append("%;width:")
        .append(fmt(right - left))
        .append("%\"");
    if (position[i] >= 0 || kind.equals("fail")) {
      b.append(" data-row=\"").append(rowId(kind.equals("fail") ? -1 : position[i])).append('"');
    }
    b.append(" data-tip=\"")
        .append(escTip)
        .append("\" title=\"")
        .append(escTip)
        .append("\">")
        .append(
            kind.equals("lin") ? String.valueOf(position[i] + 1) : kind.equals("fail") ? "!" : "")
        .append("</span>");
  }

  private static double pct(long offset, long span) {
    return 100.0 * offset / span;
  }

  private static String fmt(double pct) {
    return String.format(Locale.ROOT, "%.3f", pct);
  }

  private String rowId(int step) {
    return anchor() + (step < 0 ? "-fail" : "-s" + (step + 1));
  }

  private void linearizationTable(StringBuilder b) {
    List<Operation<I, O>> ops = p.operations();
    String title =
        p.verdict() == Verdict.LINEARIZABLE
            ? "Linearization"
            : "Longest linearizable prefix found ("
                + p.linearization().size()
                + " of "
                + ops.size()
                + ")";
    b.append("<details class=\"steps\"")
        .append(p.verdict() == Verdict.NOT_LINEARIZABLE ? " open" : "")
        .append("><summary>")
        .append(HtmlReport.esc(title))
        .append("</summary>\n<table>\n<tr><th>#</th><th>client</th><th>operation</th>")
        .append("<th>state after</th></tr>\n");
    int k = 1;
    for (LinearizedStep s : p.linearization()) {
      Operation<I, O> o = ops.get(s.operation());
      b.append("<tr id=\"")
          .append(rowId(k - 1))
          .append("\"><td>")
          .append(k++)
          .append("</td><td>")
          .append(o.clientId())
          .append("</td><td>")
          .append(HtmlReport.esc(model.describeOperation(o.input(), o.output())))
          .append("</td><td><code>")
          .append(HtmlReport.esc(after[s.operation()]))
          .append("</code></td></tr>\n");
    }
    if (p.failingOperation() >= 0) {
      Operation<I, O> o = ops.get(p.failingOperation());
      b.append("<tr class=\"failrow\" id=\"")
          .append(rowId(-1))
          .append("\"><td>!</td><td>")
          .append(o.clientId())
          .append("</td><td>")
          .append(HtmlReport.esc(model.describeOperation(o.input(), o.output())))
          .append(
              "</td><td>not linearizable here: no order of the remaining operations lets it take "
                  + "effect before it returned</td></tr>\n");
    }
    b.append("</table></details>\n");
  }
}
