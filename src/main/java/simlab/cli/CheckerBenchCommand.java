package simlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import simlab.linearizability.CheckOptions;
import simlab.linearizability.Verdict;
import simlab.linearizability.format.HistoryFormatException;
import simlab.linearizability.format.JepsenEtcdFormat;
import simlab.linearizability.format.PorcupineKvFormat;
import simlab.linearizability.model.EtcdModel;
import simlab.linearizability.model.KvModel;
import simlab.logging.Logs;

/**
 * Times the checker on every Porcupine history and compares with Porcupine's own figures from
 * MANIFEST.md. Parsing is not timed. The first check of each file (before any warm-up) is reported
 * as "cold". After JIT warm-up passes each file is timed in batches, after one untimed batch: a
 * batch repeats the whole check until at least --batch-ms have passed and divides, so a
 * 10-microsecond check is not timed at the clock's and the scheduler's resolution; the median over
 * the batches is the figure compared.
 */
@Command(
    name = "bench checker",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = 3,
    description = "Benchmark the linearizability checker on Porcupine's histories.")
public final class CheckerBenchCommand implements Callable<Integer> {
  private static final Logger LOG = Logs.get(CheckerBenchCommand.class);

  @Option(
      names = "--dir",
      description =
          "Directory with jepsen/, kv/ and MANIFEST.md "
              + "(default: -Dsimlab.histories, else src/test/resources/histories/porcupine).")
  Path dir;

  @Option(
      names = "--runs",
      defaultValue = "5",
      description = "Timed batches per file (the median is reported). Default ${DEFAULT-VALUE}.")
  int runs;

  @Option(
      names = "--batch-ms",
      defaultValue = "20",
      description =
          "A batch repeats the check until this many milliseconds have passed and counts the"
              + " elapsed time divided by the repetitions. Default ${DEFAULT-VALUE}.")
  double batchMs;

  @Option(
      names = "--warmup",
      defaultValue = "3",
      description = "Untimed passes over all files first. Default ${DEFAULT-VALUE}.")
  int warmup;

  @Option(
      names = "--warmup-batch-ms",
      defaultValue = "200",
      description =
          "Untimed repetitions of each file's check, for this many milliseconds, before its"
              + " timed batches. Default ${DEFAULT-VALUE}.")
  double warmupBatchMs;

  @Option(names = "--threads", description = "Threads per check (default: processors).")
  Integer threads;

  @Option(
      names = "--timeout",
      defaultValue = "60",
      description = "Seconds per check before UNKNOWN. Default ${DEFAULT-VALUE}.")
  double timeoutSeconds;

  @Option(
      names = "--no-partition",
      description = "Check kv histories as one map-valued object (no per-key split).")
  boolean noPartition;

  @Option(names = "--only", description = "Regex on the relative file name, e.g. 'kv/.*'.")
  String only;

  @Option(
      names = "--markdown",
      description = "Also write the table and summary as Markdown to this file.")
  Path markdown;

  public static void main(String[] args) {
    System.exit(new CommandLine(new CheckerBenchCommand()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    Path root =
        dir != null
            ? dir
            : Path.of(
                System.getProperty("simlab.histories", "src/test/resources/histories/porcupine"));
    Path manifest = root.resolve("MANIFEST.md");
    if (!Files.isRegularFile(manifest)) {
      System.err.println(
          "bench checker: no MANIFEST.md in "
              + root.toAbsolutePath()
              + " (use --dir or -Dsimlab.histories)");
      return 3;
    }
    Map<String, CheckerBenchManifest.Row> rows = CheckerBenchManifest.rows(manifest);
    List<CheckerBenchCase<?, ?, ?>> cases = new ArrayList<>();
    try {
      for (Map.Entry<String, CheckerBenchManifest.Row> row : rows.entrySet()) {
        String file = row.getKey();
        if (only != null && !Pattern.compile(only).matcher(file).matches()) {
          continue;
        }
        String expected = row.getValue().linearizable() ? "lin" : "NOT lin";
        Path path = root.resolve(file);
        if (file.startsWith("jepsen/")) {
          cases.add(
              new CheckerBenchCase<>(file, expected, new EtcdModel(), JepsenEtcdFormat.read(path)));
        } else if (noPartition) {
          cases.add(
              new CheckerBenchCase<>(
                  file, expected, KvModel.unpartitioned(), PorcupineKvFormat.read(path)));
        } else {
          cases.add(
              new CheckerBenchCase<>(file, expected, new KvModel(), PorcupineKvFormat.read(path)));
        }
      }
    } catch (HistoryFormatException e) {
      System.err.println(e.getMessage());
      return 3;
    }
    LOG.debug(
        "{} histories from {} ({} listed in its MANIFEST.md)",
        cases.size(),
        root.toAbsolutePath(),
        rows.size());
    int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    CheckOptions options =
        new CheckOptions(Duration.ofNanos((long) (timeoutSeconds * 1e9)), nThreads);
    String loadAtStart = CheckerBenchLoad.now();
    List<CheckerBenchRow> results = measure(cases, options, rows);
    CheckerBenchReport report =
        new CheckerBenchReport(results, noPartition, nThreads, runs, batchMs, warmup, loadAtStart);
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    report.printText(out);
    out.println(
        "load average (1 min) at start / end: " + loadAtStart + " / " + CheckerBenchLoad.now());
    if (markdown != null) {
      Files.writeString(markdown, report.markdown(), StandardCharsets.UTF_8);
      out.println("wrote " + markdown);
    }
    return report.mismatches() == 0 ? 0 : 1;
  }

  private List<CheckerBenchRow> measure(
      List<CheckerBenchCase<?, ?, ?>> cases,
      CheckOptions options,
      Map<String, CheckerBenchManifest.Row> rows) {
    long[] nanos = new long[1];
    double[] cold = new double[cases.size()];
    Verdict[] verdicts = new Verdict[cases.size()];
    for (int i = 0; i < cases.size(); i++) {
      verdicts[i] = cases.get(i).time(options, nanos);
      cold[i] = nanos[0] / 1e6;
      LOG.debug("cold: {} {} in {} ms", cases.get(i).file, verdicts[i].text(), fmt(cold[i]));
      if (verdicts[i] == Verdict.UNKNOWN) {
        LOG.warn(
            "{}: the time budget ran out; its time is the cold run's, not a median",
            cases.get(i).file);
      }
    }
    for (int w = 0; w < warmup; w++) {
      for (int i = 0; i < cases.size(); i++) {
        // A history that timed out cold would only burn the timeout again.
        if (verdicts[i] != Verdict.UNKNOWN) {
          cases.get(i).time(options, nanos);
        }
      }
    }
    List<CheckerBenchRow> out = new ArrayList<>();
    long minNanos = (long) (batchMs * 1e6);
    double[] perCheck = new double[2];
    for (int i = 0; i < cases.size(); i++) {
      CheckerBenchCase<?, ?, ?> c = cases.get(i);
      double median = cold[i];
      double cpu = Double.NaN;
      if (verdicts[i] != Verdict.UNKNOWN && runs > 0) {
        // As Go's testing package does before every benchmark: the previous file's garbage
        // is collected now, not during this file's timing.
        System.gc();
        // One untimed batch first, as a benchmark harness warms each benchmark up: the
        // passes over all files run a small check's set-up code (called once per check)
        // a few hundred times, too few for the JIT's optimising tier.
        c.timeBatch(options, (long) (warmupBatchMs * 1e6), perCheck);
        double[] times = new double[runs];
        double[] cpus = new double[runs];
        for (int r = 0; r < runs; r++) {
          Verdict v = c.timeBatch(options, minNanos, perCheck);
          verdicts[i] = v == verdicts[i] ? v : Verdict.UNKNOWN;
          times[r] = perCheck[0] / 1e6;
          cpus[r] = perCheck[1] / 1e6;
        }
        median = median(times);
        cpu = median(cpus);
      }
      double porcupine =
          noPartition && c.file.startsWith("kv/")
              ? CheckerBenchManifest.UNPARTITIONED_MS.get(c.file)
              : rows.get(c.file).medianMs();
      out.add(
          new CheckerBenchRow(
              c.file, c.operations(), c.expected, verdicts[i], median, cold[i], cpu, porcupine));
    }
    return out;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static String fmt(double ms) {
    if (Double.isNaN(ms)) {
      return "-";
    }
    return ms >= 100
        ? String.format(Locale.ROOT, "%.0f", ms)
        : ms >= 1 ? String.format(Locale.ROOT, "%.2f", ms) : String.format(Locale.ROOT, "%.3f", ms);
  }
}
