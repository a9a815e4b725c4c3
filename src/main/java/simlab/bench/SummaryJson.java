package simlab.bench;

import java.util.List;
import java.util.Locale;
import simlab.json.JsonLines;

/**
 * summary.json: the parameters, the fault windows and the figures of a run, in a fixed field order
 * with fixed number formats, and nothing measured in wall time (nor the linearizability verdict,
 * which a time budget can turn into "unknown"), so equal seeds and parameters give byte-identical
 * files.
 */
final class SummaryJson {
  private SummaryJson() {}

  static String render(BenchParams p, Figures f, List<FaultWindow> faults, String schedule) {
    StringBuilder b = new StringBuilder("{\n");
    field(b, "system", str(p.system()));
    field(b, "seed", String.valueOf(p.seed()));
    b.append("  \"params\": {\n");
    sub(b, "servers", String.valueOf(p.servers()));
    sub(b, "load", str(p.rate() > 0 ? "open" : "closed"));
    sub(b, "clients", String.valueOf(p.clients()));
    sub(b, "rate_ops_per_s", num(p.rate()));
    sub(b, "keys", String.valueOf(p.keys()));
    sub(b, "read_ratio", num(p.readRatio()));
    sub(b, "value_size", String.valueOf(p.valueSize()));
    sub(b, "duration_ms", String.valueOf(p.durationMs()));
    sub(b, "think_ms", String.valueOf(p.thinkMs()));
    sub(b, "timeout_ms", String.valueOf(p.timeoutMs()));
    sub(b, "nemesis", str(p.nemesis().cliName()));
    sub(b, "nemesis_interval_ms", String.valueOf(p.nemesisIntervalMs()));
    sub(b, "network", str(p.networkDescription()));
    lastSub(b, "maxraftstate", String.valueOf(p.maxRaftState()));
    b.append("  },\n");
    field(b, "schedule", str(schedule));
    b.append("  \"faults\": [");
    for (int i = 0; i < faults.size(); i++) {
      FaultWindow w = faults.get(i);
      b.append(i == 0 ? "\n" : ",\n")
          .append("    {\"start_ms\": ")
          .append(w.startNanos() / 1_000_000L)
          .append(", \"end_ms\": ")
          .append(w.endNanos() / 1_000_000L)
          .append(", \"step\": ")
          .append(str(w.label()))
          .append('}');
    }
    b.append(faults.isEmpty() ? "],\n" : "\n  ],\n");
    field(b, "ops", String.valueOf(f.ops()));
    field(b, "ok", String.valueOf(f.ok()));
    field(b, "failed", String.valueOf(f.failed()));
    field(b, "throughput_ops_per_s", num(f.throughput()));
    b.append("  \"latency_ms\": {\"p50\": ")
        .append(num(f.latency().p50()))
        .append(", \"p90\": ")
        .append(num(f.latency().p90()))
        .append(", \"p99\": ")
        .append(num(f.latency().p99()))
        .append(", \"p999\": ")
        .append(num(f.latency().p999()))
        .append(", \"max\": ")
        .append(num(f.latency().max()))
        .append("},\n");
    field(b, "availability", num(f.availability()));
    field(b, "longest_gap_ms", num(f.longestGapMs()));
    b.append("  \"recovery_ms\": {\"p50\": ")
        .append(num(f.recoveryP50()))
        .append(", \"max\": ")
        .append(num(f.recoveryMax()))
        .append(", \"count\": ")
        .append(f.recoveryMs().size())
        .append(", \"unrecovered\": ")
        .append(f.unrecovered())
        .append("},\n");
    field(b, "messages", String.valueOf(f.messages()));
    field(b, "bytes", String.valueOf(f.bytes()));
    field(b, "messages_per_op", num(f.messagesPerOp()));
    b.append("  \"bytes_per_op\": ").append(num(f.bytesPerOp())).append("\n}\n");
    return b.toString();
  }

  private static void field(StringBuilder b, String name, String value) {
    b.append("  \"").append(name).append("\": ").append(value).append(",\n");
  }

  private static void sub(StringBuilder b, String name, String value) {
    b.append("    \"").append(name).append("\": ").append(value).append(",\n");
  }

  private static void lastSub(StringBuilder b, String name, String value) {
    b.append("    \"").append(name).append("\": ").append(value).append("\n");
  }

  private static String str(String s) {
    return JsonLines.string(s);
  }

  /** Fixed three decimals: the same double always prints the same text. */
  static String num(double d) {
    return String.format(Locale.ROOT, "%.3f", d);
  }
}
