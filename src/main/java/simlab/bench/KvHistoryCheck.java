package simlab.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import simlab.linearizability.CheckResult;
import simlab.linearizability.LinearizabilityChecker;
import simlab.linearizability.Operation;
import simlab.linearizability.format.KvJsonLinesFormat;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOutput;

/**
 * The KV history of a benchmark in check-history's JSON Lines form: a successful operation with its
 * output and end time; a failed write with {@code "return": null} (it may have taken effect); a
 * failed get left out (it read nothing anyone saw). Lines are ordered by call time, then process.
 */
final class KvHistoryCheck {
  private KvHistoryCheck() {}

  static List<Operation<KvInput, KvOutput>> operations(List<OpRecord> ops) {
    List<OpRecord> sorted = new ArrayList<>(ops);
    sorted.sort(Comparator.comparingLong(OpRecord::callNanos).thenComparingInt(OpRecord::process));
    List<Operation<KvInput, KvOutput>> out = new ArrayList<>();
    for (OpRecord o : sorted) {
      KvInput in =
          switch (o.op()) {
            case "get" -> KvInput.get(o.key());
            case "put" -> KvInput.put(o.key(), o.value());
            case "append" -> KvInput.append(o.key(), o.value());
            default -> throw new IllegalArgumentException("not a KV operation: " + o.op());
          };
      if (o.ok()) {
        KvOutput output = o.isRead() ? KvOutput.of(o.output()) : KvOutput.NONE;
        out.add(new Operation<>(o.process(), in, output, o.callNanos(), o.endNanos()));
      } else if (!o.isRead()) {
        out.add(
            new Operation<>(
                o.process(), in, KvOutput.NONE, o.callNanos(), KvJsonLinesFormat.NEVER_RETURNED));
      }
    }
    return out;
  }

  static String writeAndCheck(List<OpRecord> ops, Path file, long timeoutMs) throws IOException {
    List<Operation<KvInput, KvOutput>> history = operations(ops);
    KvJsonLinesFormat.write(file, history);
    CheckResult<KvInput, KvOutput> r =
        LinearizabilityChecker.check(new KvModel(), history, Duration.ofMillis(timeoutMs));
    String verdict =
        switch (r.verdict()) {
          case LINEARIZABLE -> "ok";
          case NOT_LINEARIZABLE -> "VIOLATED";
          case UNKNOWN -> "unknown (check budget of " + timeoutMs + " ms ran out)";
        };
    return String.format(
        Locale.ROOT,
        "%s (%d operations, %d keys checked)",
        verdict,
        history.size(),
        r.partitions().size());
  }
}
