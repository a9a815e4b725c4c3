package simlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import simlab.harness.HistoryCheck;
import simlab.linearizability.CheckOptions;
import simlab.linearizability.CheckResult;
import simlab.linearizability.LinearizabilityChecker;
import simlab.linearizability.Model;
import simlab.linearizability.Operation;
import simlab.linearizability.Verdict;
import simlab.linearizability.format.HistoryFormat;
import simlab.linearizability.format.HistoryFormatException;
import simlab.linearizability.format.JepsenEtcdFormat;
import simlab.linearizability.format.KvJsonLinesFormat;
import simlab.linearizability.format.PorcupineKvFormat;
import simlab.linearizability.format.RegisterTextFormat;
import simlab.linearizability.html.HistoryTime;
import simlab.linearizability.html.HtmlReport;
import simlab.linearizability.model.EtcdModel;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOutput;
import simlab.linearizability.model.RegisterModel;
import simlab.logging.Logs;

/** Checks one history file for linearizability and prints the verdict. */
@Command(
    name = "check-history",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = 3,
    exitCodeOnExecutionException = 4,
    sortOptions = false,
    description =
        "Check a recorded history for linearizability. Prints one line: "
            + "'linearizable', 'not linearizable' or 'unknown' (a budget ran out; which one is said on stderr).",
    footerHeading = "%n",
    footer = {
      "Formats (detected from the first line that is not blank or a '#' comment):",
      "  jepsen    Jepsen etcd log, model etcd:",
      "              INFO  jepsen.util - PROC TYPE F VALUE",
      "              TYPE :invoke|:ok|:fail|:info, F :read|:write|:cas,",
      "              VALUE nil|INT|[FROM TO]|:timed-out. An :info op stays open:",
      "              it may or may not take effect.",
      "  kv        Porcupine kv lines, model kv (checked per key):",
      "              {:process N, :type :invoke|:ok, :f :get|:put|:append,",
      "               :key \"K\", :value nil|\"V\"}",
      "  jsonl     JSON Lines, model kv (checked per key); what the lab suites",
      "            write to target/histories/<test>-seed<N>.jsonl on a failure:",
      "              {\"client\":3,\"op\":\"append\",\"key\":\"k\",\"value\":\"x 3 1 y\",",
      "               \"output\":null,\"call\":123000,\"return\":456000}",
      "            op get|put|append|delete; value: the string written (null for",
      "            get/delete); output: the string a get read, or the old",
      "            value an append returned (lab 2), else null;",
      "            \"return\": null = a write that never returned (it may or may not",
      "            have taken effect). Detected by a first line starting '{\"'.",
      "  register  one operation per line, model register (initially \"\"):",
      "              CLIENT CALL RETURN write VALUE",
      "              CLIENT CALL RETURN read VALUE     ('?' = result unknown)",
      "            VALUE is one word; CALL <= RETURN are integers.",
      "",
      "Exit status: 0 linearizable, 1 not linearizable, 2 unknown (the",
      "time, step or memory budget ran out, or the JVM ran out of memory),",
      "3 bad input (missing file; a file without operations; malformed line,",
      "reported as FILE:LINE: what was expected; bad option), 4 internal error."
    })
public final class CheckHistoryCommand implements Callable<Integer> {
  private static final Logger LOG = Logs.get(CheckHistoryCommand.class);

  enum ModelName {
    kv,
    etcd,
    register
  }

  enum FormatName {
    auto,
    jepsen,
    kv,
    jsonl,
    register
  }

  @Parameters(index = "0", paramLabel = "FILE", description = "The history file.")
  Path file;

  @Option(
      names = "--model",
      paramLabel = "kv|etcd|register",
      description = "Sequential model (default: the one that goes with the format).")
  ModelName model;

  @Option(
      names = "--format",
      paramLabel = "auto|jepsen|kv|jsonl|register",
      defaultValue = "auto",
      description = "History format (default: ${DEFAULT-VALUE}).")
  FormatName format;

  @Option(
      names = "--html",
      paramLabel = "OUT",
      description = "Also write a self-contained HTML view of the check.")
  Path html;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description =
          "Wall-clock budget, from the start of the command; when it runs out the verdict is "
              + "'unknown' (default: ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Option(
      names = "--max-steps",
      paramLabel = "N",
      description =
          "Deterministic budget: search steps per partition (key) before the verdict is "
              + "'unknown'; the lab tests use "
              + HistoryCheck.MAX_STEPS
              + " (default: no limit).")
  Long maxSteps;

  @Option(
      names = "--no-partition",
      description = "kv only: search all keys at once instead of per key (slow).")
  boolean noPartition;

  @Spec CommandLine.Model.CommandSpec spec;

  /** When the command started: the --timeout budget counts from here (parsing included). */
  private long startNanos;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command as main runs it: a bad option value is one line naming the option, the value and
   * what is allowed (picocli's default would print the whole help after it).
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new CheckHistoryCommand());
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine()
              .getErr()
              .println("check-history: " + ex.getMessage() + " (see --help)");
          return 3;
        });
    return cl;
  }

  @Override
  public Integer call() {
    startNanos =
        System.nanoTime(); // wall-clock ok: --timeout is interactive, never in a simulation
    PrintWriter err = spec.commandLine().getErr();
    if (!(timeoutSeconds > 0) || timeoutSeconds > 1e9) {
      err.println(
          "check-history: --timeout must be a positive number of seconds, not " + timeoutSeconds);
      return 3;
    }
    if (maxSteps != null && maxSteps < 1) {
      err.println("check-history: --max-steps must be a positive integer, not " + maxSteps);
      return 3;
    }
    try {
      return check(err);
    } catch (OutOfMemoryError e) {
      // The search itself turns running out of memory into 'unknown'; this catches the
      // rest (reading a huge file, say). The verdict is unknown, not a failure.
      err.println(
          "check-history: "
              + file
              + ": out of memory ("
              + e.getMessage()
              + "); the verdict is unknown. Give the JVM more heap (-Xmx) or check a smaller history.");
      spec.commandLine().getOut().println(Verdict.UNKNOWN.text());
      spec.commandLine().getOut().flush();
      return exitCode(Verdict.UNKNOWN);
    }
  }

  private int check(PrintWriter err) {
    try {
      List<String> lines = HistoryFormat.readLines(file);
      HistoryFormat fmt =
          format == FormatName.auto ? HistoryFormat.detect(lines) : explicit(format);
      if (fmt == null) {
        fmt = model == null ? HistoryFormat.JEPSEN : formatOf(model);
      }
      ModelName m = model != null ? model : modelOf(fmt);
      if (modelOf(fmt) != m) {
        err.println(
            "check-history: "
                + file
                + ": model "
                + m
                + " cannot check a "
                + name(fmt)
                + " history (use --model "
                + modelOf(fmt)
                + ")");
        return 3;
      }
      if (noPartition && m != ModelName.kv) {
        err.println("check-history: --no-partition applies to the kv model only");
        return 3;
      }
      String name = file.toString();
      LOG.debug(
          "{}: {} lines, format {} ({}), model {}",
          name,
          lines.size(),
          name(fmt),
          format == FormatName.auto ? "detected" : "given",
          m);
      return switch (m) {
        case etcd ->
            run(new EtcdModel(), JepsenEtcdFormat.parse(name, lines), HistoryTime.LINE_NUMBERS);
        case kv -> {
          List<Operation<KvInput, KvOutput>> ops =
              fmt == HistoryFormat.JSONL
                  ? KvJsonLinesFormat.parse(name, lines)
                  : PorcupineKvFormat.parse(name, lines);
          // The suites save JSON Lines in virtual nanoseconds; Porcupine's times are line numbers.
          HistoryTime time =
              fmt == HistoryFormat.JSONL ? HistoryTime.VIRTUAL_NANOS : HistoryTime.LINE_NUMBERS;
          yield noPartition
              ? run(KvModel.unpartitioned(), ops, time)
              : run(new KvModel(), ops, time);
        }
        case register ->
            run(new RegisterModel(), RegisterTextFormat.parse(name, lines), HistoryTime.PLAIN);
      };
    } catch (HistoryFormatException e) {
      err.println(
          e.line() == 0 ? "check-history: " + e.file() + ": " + e.problem() : e.getMessage());
      return 3;
    }
  }

  private <S, I, O> int run(Model<S, I, O> m, List<Operation<I, O>> ops, HistoryTime time) {
    PrintWriter err = spec.commandLine().getErr();
    if (ops.isEmpty()) {
      // An empty file is far more likely a mistake (wrong file, truncated copy, failed
      // run) than a history worth calling linearizable.
      err.println(
          "check-history: "
              + file
              + ": no operations in the file (an empty history has nothing "
              + "to check)");
      return 3;
    }
    long elapsed = System.nanoTime() - startNanos; // wall-clock ok
    Duration timeout = Duration.ofNanos(Math.max(0, (long) (timeoutSeconds * 1e9) - elapsed));
    CheckOptions options = CheckOptions.withTimeout(timeout);
    if (maxSteps != null) {
      options = options.withMaxSteps(maxSteps);
    }
    CheckResult<I, O> result = LinearizabilityChecker.check(m, ops, options);
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} operations checked in {} ms: {}",
          ops.size(),
          (System.nanoTime() - startNanos) / 1_000_000, // wall-clock ok
          result.verdict().text());
    }
    if (result.verdict() == Verdict.UNKNOWN) {
      LOG.warn(
          "the search stopped before a verdict ({}); raise --timeout or --max-steps",
          result.exhausted());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(result.verdict().text());
    out.flush();
    if (result.verdict() == Verdict.UNKNOWN) {
      err.println(
          "check-history: "
              + file
              + ": "
              + switch (result.exhausted()) {
                case "steps" ->
                    "a partition needed more than " + maxSteps + " search steps (--max-steps)";
                case "memory" ->
                    "the search ran out of memory ("
                        + Runtime.getRuntime().maxMemory() / (1 << 20)
                        + " MiB heap); give the JVM more (-Xmx) or a shorter --timeout";
                default -> "the time budget ran out (--timeout " + timeoutSeconds + ")";
              });
    }
    if (html != null) {
      try {
        HtmlReport.write(html, result, m, time);
        spec.commandLine().getErr().println("wrote " + html);
      } catch (IOException e) {
        spec.commandLine()
            .getErr()
            .println("check-history: cannot write " + html + ": " + e.getMessage());
        return 3;
      }
    }
    return exitCode(result.verdict());
  }

  static int exitCode(Verdict v) {
    return switch (v) {
      case LINEARIZABLE -> 0;
      case NOT_LINEARIZABLE -> 1;
      case UNKNOWN -> 2;
    };
  }

  private static HistoryFormat explicit(FormatName f) {
    return switch (f) {
      case jepsen -> HistoryFormat.JEPSEN;
      case kv -> HistoryFormat.KV;
      case jsonl -> HistoryFormat.JSONL;
      case register, auto -> HistoryFormat.REGISTER;
    };
  }

  private static HistoryFormat formatOf(ModelName m) {
    return switch (m) {
      case etcd -> HistoryFormat.JEPSEN;
      case kv -> HistoryFormat.KV;
      case register -> HistoryFormat.REGISTER;
    };
  }

  private static ModelName modelOf(HistoryFormat f) {
    return switch (f) {
      case JEPSEN -> ModelName.etcd;
      case KV, JSONL -> ModelName.kv;
      case REGISTER -> ModelName.register;
    };
  }

  private static String name(HistoryFormat f) {
    return f.name().toLowerCase(Locale.ROOT);
  }
}
