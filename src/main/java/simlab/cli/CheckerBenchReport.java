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
  private final double batchMs;
  private final int warmup;
  private final String loadAtStart;

  CheckerBenchReport(
      List<CheckerBenchRow> rows,
      boolean noPartition,
      int threads,
      int runs,
      double batchMs,
      int warmup,
      String loadAtStart) {
    this.batchMs = batchMs;
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
    String fmt = "%-22s %5s %-8s %-17s %10s %10s %10s %12s %8s%n";
    out.printf(
        Locale.ROOT,
        fmt,
        "file",
        "ops",
        "expected",
        "verdict",
        "ours ms",
        "cold ms",
        "cpu ms",
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
          CheckerBenchCommand.fmt(r.cpuMs()),
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
        .append("files; \"ours\" is the median over ")
        .append(runs)
        .append(
            " batches (after an untimed one of --warmup-batch-ms) of wall time per check, where a batch repeats the whole check until ")
        .append(CheckerBenchCommand.fmt(batchMs))
        .append(" ms have passed (at least once) and divides by the repetitions; \"cpu\" is ")
        .append(
            "the calling thread's CPU time per check over the same batches (complete for an etcd log, searched on that thread; a kv check's pool helpers not counted). \"porcupine\" is ")
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
    b.append(
        "| file | ops | expected | verdict | ours ms | cold ms | cpu ms | porcupine ms | ratio |\n");
    b.append("|---|---:|---|---|---:|---:|---:|---:|---:|\n");
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
          .append(CheckerBenchCommand.fmt(r.cpuMs()))
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
      double cpu = etcd.stream().mapToDouble(CheckerBenchRow::cpuMs).sum();
      double theirs = etcd.stream().mapToDouble(CheckerBenchRow::porcupineMs).sum();
      lines.add(
          String.format(
              Locale.ROOT,
              "%d etcd Jepsen logs: total %.1f ms warm (%.1f ms cold, %.1f ms CPU warm) vs "
                  + "Porcupine %.1f ms: %.2fx warm, %.2fx cold",
              etcd.size(),
              ours,
              cold,
              cpu,
              theirs,
              theirs / ours,
              theirs / cold));
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
      List<String> under2 =
          compared.stream().filter(r -> r.ratio() < 2).map(CheckerBenchRow::file).toList();
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
      lines.add(
          String.format(
              Locale.ROOT,
              "files under 2x Porcupine: %d of %d%s",
              under2.size(),
              compared.size(),
              names(under2)));
      List<String> under2Cpu =
          compared.stream()
              .filter(r -> r.porcupineMs() / r.cpuMs() < 2)
              .map(CheckerBenchRow::file)
              .toList();
      lines.add(
          String.format(
              Locale.ROOT,
              "files under 2x Porcupine by CPU time instead of wall time: %d of %d%s",
              under2Cpu.size(),
              compared.size(),
              names(under2Cpu)));
    }
    lines.add(
        String.format(
            Locale.ROOT,
            "verdicts matching the expected ones: %d of %d",
            rows.size() - mismatches(),
            rows.size()));
    return lines;
  }

  /** Up to ten file names, in parentheses. */
  private static String names(List<String> files) {
    if (files.isEmpty()) {
      return "";
    }
    String shown = String.join(", ", files.subList(0, Math.min(10, files.size())));
    return " (" + shown + (files.size() > 10 ? ", ..." : "") + ")";
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
