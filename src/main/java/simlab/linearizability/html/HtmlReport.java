package simlab.linearizability.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import simlab.linearizability.CheckResult;
import simlab.linearizability.Model;
import simlab.linearizability.PartitionResult;
import simlab.linearizability.Verdict;

/**
 * Writes a checked history as one self-contained HTML page (inline CSS and JS, nothing fetched), to
 * open offline. Partitions that are not linearizable come first and open, then those left unknown,
 * then the linearizable ones collapsed; a line at the top links to each failure. Each partition is
 * labelled by what it is (the model's {@link Model#describePartition}, e.g. a key) and drawn by
 * {@link PartitionView}.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** A page whose times are shown as plain numbers. */
  public static <S, I, O> void write(Path out, CheckResult<I, O> result, Model<S, I, O> model)
      throws IOException {
    write(out, result, model, HistoryTime.PLAIN);
  }

  public static <S, I, O> void write(
      Path out, CheckResult<I, O> result, Model<S, I, O> model, HistoryTime time)
      throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, render(result, model, time), StandardCharsets.UTF_8);
  }

  public static <S, I, O> String render(CheckResult<I, O> result, Model<S, I, O> model) {
    return render(result, model, HistoryTime.PLAIN);
  }

  public static <S, I, O> String render(
      CheckResult<I, O> result, Model<S, I, O> model, HistoryTime time) {
    List<PartitionResult<I, O>> ordered = new ArrayList<>(result.partitions());
    ordered.sort(Comparator.comparingInt(HtmlReport::rank)); // stable: model order within a group
    List<PartitionView<S, I, O>> views = new ArrayList<>();
    for (PartitionResult<I, O> p : ordered) {
      views.add(new PartitionView<>(p, model, time));
    }
    StringBuilder b = new StringBuilder(16_384);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Linearizability: ")
        .append(esc(result.verdict().text()))
        .append("</title>\n")
        .append("<style>\n")
        .append(HtmlAssets.CSS)
        .append("</style>\n</head>\n<body>\n");
    b.append("<h1 class=\"verdict ")
        .append(cssClass(result.verdict()))
        .append("\">")
        .append(esc(result.verdict().text().toUpperCase(Locale.ROOT)))
        .append("</h1>\n");
    summary(b, result, ordered, views);
    legend(b);
    for (PartitionView<S, I, O> v : views) {
      v.render(b);
    }
    b.append("<div id=\"tip\" class=\"tip\" hidden></div>\n<script>\n")
        .append(HtmlAssets.JS)
        .append("</script>\n</body>\n</html>\n");
    return b.toString();
  }

  private static int rank(PartitionResult<?, ?> p) {
    return switch (p.verdict()) {
      case NOT_LINEARIZABLE -> 0;
      case UNKNOWN -> 1;
      case LINEARIZABLE -> 2;
    };
  }

  private static <S, I, O> void summary(
      StringBuilder b,
      CheckResult<I, O> result,
      List<PartitionResult<I, O>> ordered,
      List<PartitionView<S, I, O>> views) {
    int failed = 0;
    int unknown = 0;
    StringBuilder links = new StringBuilder();
    for (int i = 0; i < ordered.size(); i++) {
      Verdict v = ordered.get(i).verdict();
      if (v == Verdict.NOT_LINEARIZABLE) {
        links
            .append(failed++ == 0 ? "" : ", ")
            .append("<a href=\"#")
            .append(views.get(i).anchor())
            .append("\">")
            .append(esc(views.get(i).label()))
            .append("</a>");
      } else if (v == Verdict.UNKNOWN) {
        unknown++;
      }
    }
    int size = ordered.size();
    if (failed > 0) {
      b.append("<p class=\"failures bad\">Not linearizable (")
          .append(failed)
          .append(" of ")
          .append(size)
          .append("): ")
          .append(links)
          .append("</p>\n");
    }
    b.append("<p class=\"summary\">")
        .append(size)
        .append(" partition(s): ")
        .append(failed)
        .append(" not linearizable, ")
        .append(unknown)
        .append(" unknown, ")
        .append(size - failed - unknown)
        .append(" linearizable (collapsed below); checked in ")
        .append(result.elapsed().toMillis())
        .append(" ms. Initial state: <code>")
        .append(esc(result.initialState()))
        .append("</code></p>\n");
  }

  private static void legend(StringBuilder b) {
    b.append(
            "<div class=\"legend\"><span class=\"bar lin sample\">3</span> linearized, with its position")
        .append("<span class=\"bar fail sample\">!</span> cannot be linearized next")
        .append("<span class=\"bar other sample\"></span> not reached")
        .append("<span class=\"bar other open sample\"></span> never returned")
        .append("<span class=\"hint\">Hover over an operation for details and the state after it; ")
        .append("click it to find it in the table.</span></div>\n");
  }

  static String cssClass(Verdict v) {
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
