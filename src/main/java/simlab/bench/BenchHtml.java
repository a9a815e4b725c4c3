package simlab.bench;

import java.util.List;

/**
 * index.html of a fault benchmark: parameters, seed, figures, the schedule, the nemesis log and the
 * plots.
 */
final class BenchHtml {
  private BenchHtml() {}

  static String render(
      BenchParams p,
      List<String> figureLines,
      String verdict,
      String schedule,
      List<String> nemesisLog,
      String command,
      boolean timeline) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>bench ")
        .append(esc(p.system()))
        .append(" seed ")
        .append(p.seed())
        .append(
            "</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1100px}"
                + "td,th{padding:2px 10px;text-align:left}pre{background:#f4f4f4;padding:8px}img{max-width:100%}</style>"
                + "</head><body>\n");
    b.append("<h1>bench ")
        .append(esc(p.system()))
        .append(" &mdash; seed ")
        .append(p.seed())
        .append("</h1>\n");
    b.append("<p>Command: <code>")
        .append(esc(command))
        .append(
            "</code><br>All times are virtual: the same seed and "
                + "parameters reproduce these figures exactly.</p>\n");
    if (timeline) {
      b.append(
          "<p><a href=\"timeline/index.html\">Timeline of the run</a>: every node's role and"
              + " term, the messages, the faults and the client operations over virtual time.</p>\n");
    }
    b.append("<h2>Parameters</h2>\n<table>\n");
    row(b, "system", p.system() + " (" + p.servers() + " servers per group)");
    row(b, "seed", String.valueOf(p.seed()));
    row(b, "load", p.loadDescription() + (p.thinkMs() > 0 ? ", think " + p.thinkMs() + " ms" : ""));
    row(
        b,
        "keys / read ratio / value size",
        p.keys() + " / " + p.readRatio() + " / " + p.valueSize() + " bytes");
    row(b, "duration", p.durationMs() + " ms");
    row(b, "client timeout", p.timeoutMs() + " ms (an operation not done by then fails)");
    row(b, "nemesis", p.nemesis().cliName() + ", interval " + p.nemesisIntervalMs() + " ms");
    row(b, "network", p.networkDescription());
    b.append("</table>\n<h2>Figures</h2>\n<pre>");
    for (String l : figureLines) {
      b.append(esc(l)).append('\n');
    }
    b.append("linearizability: ").append(esc(verdict)).append("</pre>\n");
    for (String img : new String[] {"latency-raw.png", "latency-quantiles.png", "rate.png"}) {
      b.append("<p><img src=\"").append(img).append("\" alt=\"").append(img).append("\"></p>\n");
    }
    b.append("<h2>Fault schedule</h2>\n<pre>")
        .append(esc(schedule.isEmpty() ? "(none)" : schedule))
        .append("</pre>\n");
    b.append("<h2>Nemesis log</h2>\n<pre>");
    for (String l : nemesisLog) {
      b.append(esc(l)).append('\n');
    }
    b.append(
        "</pre>\n<p>Files: <a href=\"summary.json\">summary.json</a>, <a href=\"history.jsonl\">history.jsonl</a>"
            + ", <a href=\"schedule.txt\">schedule.txt</a>.</p>\n</body></html>\n");
    return b.toString();
  }

  private static void row(StringBuilder b, String k, String v) {
    b.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
