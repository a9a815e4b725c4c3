package simlab.linearizability.html;

import java.math.BigDecimal;

/**
 * What the times of a history mean, so the report can label its time axis and tooltips in the
 * history's own units. The checker itself only compares times.
 */
public enum HistoryTime {
  /** Virtual nanoseconds of a simulated run; shown as milliseconds. */
  VIRTUAL_NANOS,
  /** Line numbers of a log file (Porcupine and Jepsen histories). */
  LINE_NUMBERS,
  /** Integers with no stated unit. */
  PLAIN;

  /** The return time of an operation that never returned (see KvJsonLinesFormat.NEVER_RETURNED). */
  static final long NEVER_RETURNED = Long.MAX_VALUE;

  /** A time exactly, for a tooltip. */
  String exact(long t) {
    if (t == NEVER_RETURNED) {
      return "never";
    }
    return switch (this) {
      case VIRTUAL_NANOS -> BigDecimal.valueOf(t, 6).stripTrailingZeros().toPlainString() + " ms";
      case LINE_NUMBERS -> "line " + t;
      case PLAIN -> Long.toString(t);
    };
  }

  /** A time on an axis that spans {@code span}, rounded to what that span can tell apart. */
  String axisLabel(long t, long span) {
    if (this != VIRTUAL_NANOS) {
      return exact(t);
    }
    int decimals = span >= 100_000_000L ? 0 : span >= 10_000_000L ? 1 : span >= 1_000_000L ? 2 : 3;
    return BigDecimal.valueOf(t, 6)
            .setScale(decimals, java.math.RoundingMode.HALF_EVEN)
            .toPlainString()
        + " ms";
  }
}
