package simlab.harness;

import java.util.List;
import simlab.linearizability.CheckResult;
import simlab.linearizability.LinearizedStep;
import simlab.linearizability.Model;
import simlab.linearizability.Operation;
import simlab.linearizability.PartitionResult;

/**
 * A plain, self-contained HTML page for a failed check: per failing partition (key), the
 * operations sorted by call time with the longest linearizable prefix the search found
 * and the first operation that could not follow it. (The linearizability package's own
 * timeline view can replace this once it exists; the harness only needs a file to point at.)
 */
final class HistoryHtml {
  private HistoryHtml() {
  }

  static <S, I, O> String render(Model<S, I, O> model, CheckResult<I, O> result, String title) {
    StringBuilder b = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
        .append(esc(title)).append("</title><style>body{font-family:sans-serif}td,th{padding:2px 8px}"
            + ".bad{background:#fbb}.lin{background:#dfd}</style></head><body><h1>")
        .append(esc(title)).append(": not linearizable</h1>");
    for (PartitionResult<I, O> p : result.failures()) {
      List<Operation<I, O>> ops = p.operations();
      boolean[] inPrefix = new boolean[ops.size()];
      StringBuilder prefix = new StringBuilder();
      for (LinearizedStep s : p.linearization()) {
        inPrefix[s.operation()] = true;
        Operation<I, O> op = ops.get(s.operation());
        prefix.append("<li>").append(esc(model.describeOperation(op.input(), op.output())))
            .append(" &rarr; state ").append(esc(s.stateAfter())).append("</li>");
      }
      b.append("<h2>partition ").append(p.index()).append("</h2><p>initial state ")
          .append(esc(result.initialState())).append("</p><h3>longest linearizable prefix</h3><ol>")
          .append(prefix).append("</ol><h3>operations (times in ms of virtual time)</h3>")
          .append("<table border=1><tr><th>#</th><th>client</th><th>operation</th><th>call</th><th>return</th></tr>");
      for (int i = 0; i < ops.size(); i++) {
        Operation<I, O> op = ops.get(i);
        String cls = i == p.failingOperation() ? " class=bad" : inPrefix[i] ? " class=lin" : "";
        b.append("<tr").append(cls).append("><td>").append(i).append("</td><td>").append(op.clientId())
            .append("</td><td>").append(esc(model.describeOperation(op.input(), op.output())))
            .append("</td><td>").append(ms(op.call())).append("</td><td>").append(ms(op.ret())).append("</td></tr>");
      }
      b.append("</table>");
    }
    return b.append("</body></html>").toString();
  }

  private static String ms(long nanos) {
    return nanos == Long.MAX_VALUE ? "never" : String.format("%.3f", nanos / 1e6);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
