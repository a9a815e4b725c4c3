package simlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Formats bench results as a text table (stdout) and as Markdown (for the README). */
final class CheckerBenchReport {
  private final List<CheckerBenchRow> rows;
  private final boolean noPartition;
  private final int threads;
  private final int runs;
  private final int warmup;
  private final String loadAtStart;

  CheckerBenchReport(
      List<CheckerBenchRow> rows,
      boolean noPartition,
      int threads,
      int runs,
      int warmup,
      String loadAtStart) {
    this.loadAtStart = loadAtStart;
    this.rows = List.copyOf(rows);
    this.noPartition = noPartition;
    this.threads = threads;
    this.runs = runs;
    this.warmup = warmup;
  }

  long mismatches() {
    return rows.stream().filter(r -> !r.matchesExpected()).count();
  }

  void printText(PrintWriter out) {
    String fmt = "%-22s %5s %-8s %-17s %10s %10s %12s %8s%n";
    out.printf(
        Locale.ROOT,
        fmt,
        "file",
        "ops",
        "expected",
        "verdict",
        "ours ms",
        "cold ms",
        "porcupine ms",
        "ratio");
    for (CheckerBenchRow r : rows) {
      out.printf(
          Locale.ROOT,
          fmt,
          r.file(),
          r.operations(),
          r.expected(),
          verdictText(r),
          CheckerBenchCommand.fmt(r.medianMs()),
          CheckerBenchCommand.fmt(r.coldMs()),
          porcupineText(r),
          ratioText(r));
    }
    out.println();
    for (String line : summary()) {
      out.println(line);
    }
    out.flush();
  }

  String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# Linearizability checker benchmark\n\n");
    b.append("Produced by `test-scripts/bench checker")
        .append(noPartition ? " --no-partition" : "")
        .append("` (simlab.cli.CheckerBenchCommand). Java ")
        .append(System.getProperty("java.version"))
        .append(", ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" processors, ")
        .append(threads)
        .append(" checker threads. Each history is parsed once (not timed); \"cold\" is ")
        .append("its first check in a fresh JVM; then ")
        .append(warmup)
        .append(" warm-up passes over all ")
        .append("files; \"ours\" is the median of ")
        .append(runs)
        .append(" further checks. \"porcupine\" is ")
        .append(
            "Porcupine v1.3.0's median from the histories' MANIFEST.md (Go 1.19, 2 cores); ratio = ")
        .append(
            "porcupine / ours, so above 1 means we are faster. Load average (1 min) when the run ")
        .append("started/ended: ")
        .append(loadAtStart)
        .append(" / ")
        .append(CheckerBenchLoad.now())
        .append(" on this machine; other work on it slows the figures down.\n\n");
    b.append("## Summary\n\n");
    for (String line : summary()) {
      b.append("- ").append(line).append('\n');
    }
    b.append("\n## Per file\n\n");
    b.append("| file | ops | expected | verdict | ours ms | cold ms | porcupine ms | ratio |\n");
    b.append("|---|---:|---|---|---:|---:|---:|---:|\n");
    for (CheckerBenchRow r : rows) {
      b.append("| ")
          .append(r.file())
          .append(" | ")
          .append(r.operations())
          .append(" | ")
          .append(r.expected())
          .append(" | ")
          .append(verdictText(r))
          .append(" | ")
          .append(CheckerBenchCommand.fmt(r.medianMs()))
          .append(" | ")
          .append(CheckerBenchCommand.fmt(r.coldMs()))
          .append(" | ")
          .append(porcupineText(r))
          .append(" | ")
          .append(ratioText(r))
          .append(" |\n");
    }
    return b.toString();
  }

  List<String> summary() {
    List<String> lines = new ArrayList<>();
    List<CheckerBenchRow> etcd = rows.stream().filter(CheckerBenchRow::etcd).toList();
    if (!etcd.isEmpty()) {
      double ours = etcd.stream().mapToDouble(CheckerBenchRow::medianMs).sum();
      double cold = etcd.stream().mapToDouble(CheckerBenchRow::coldMs).sum();
      double theirs = etcd.stream().mapToDouble(CheckerBenchRow::porcupineMs).sum();
      lines.add(
          String.format(
              Locale.ROOT,
              "%d etcd Jepsen logs: total %.1f ms warm (%.1f ms cold) vs "
                  + "Porcupine %.1f ms: %.2fx",
              etcd.size(),
              ours,
              cold,
              theirs,
              theirs / ours));
    }
    for (CheckerBenchRow r : rows) {
      if (!r.etcd()) {
        lines.add(
            String.format(
                Locale.ROOT,
                "%s%s: %s ms warm (%s ms cold) vs Porcupine %s ms",
                r.file(),
                noPartition ? " (no partition)" : "",
                CheckerBenchCommand.fmt(r.medianMs()),
                CheckerBenchCommand.fmt(r.coldMs()),
                porcupineText(r)));
      }
    }
    List<CheckerBenchRow> compared =
        rows.stream()
            .filter(
                r ->
                    !Double.isNaN(r.ratio())
                        && r.verdict() != simlab.linearizability.Verdict.UNKNOWN)
            .toList();
    if (!compared.isEmpty()) {
      CheckerBenchRow worst =
          compared.stream().min(Comparator.comparingDouble(CheckerBenchRow::ratio)).get();
      double[] ratios = compared.stream().mapToDouble(CheckerBenchRow::ratio).sorted().toArray();
      double geo =
          Math.exp(compared.stream().mapToDouble(r -> Math.log(r.ratio())).average().orElse(0));
      long slower = compared.stream().filter(r -> r.ratio() < 1).count();
      lines.add(
          String.format(
              Locale.ROOT,
              "worst ratio %.2fx (%s: %s ms vs %s ms); median ratio %.2fx; "
                  + "geometric mean %.2fx",
              worst.ratio(),
              worst.file(),
              CheckerBenchCommand.fmt(worst.medianMs()),
              porcupineText(worst),
              ratios[ratios.length / 2],
              geo));
      lines.add(
          String.format(
              Locale.ROOT,
              "files where we are slower than Porcupine: %d of %d",
              slower,
              compared.size()));
    }
    lines.add(
        String.format(
            Locale.ROOT,
            "verdicts matching the expected ones: %d of %d",
            rows.size() - mismatches(),
            rows.size()));
    return lines;
  }

  private static String verdictText(CheckerBenchRow r) {
    return r.verdict().text() + (r.matchesExpected() ? "" : " (!)");
  }

  private static String porcupineText(CheckerBenchRow r) {
    return Double.isNaN(r.porcupineMs()) ? "unknown@30s" : CheckerBenchCommand.fmt(r.porcupineMs());
  }

  private static String ratioText(CheckerBenchRow r) {
    double ratio = r.ratio();
    return Double.isNaN(ratio) || r.verdict() == simlab.linearizability.Verdict.UNKNOWN
        ? "-"
        : String.format(Locale.ROOT, "%.2f", ratio);
  }
}
