package simlab.linearizability;

/** Outcome of a check. UNKNOWN means the time budget ran out before an answer was found. */
public enum Verdict {
  LINEARIZABLE,
  NOT_LINEARIZABLE,
  UNKNOWN;

  /** Lower-case text as the command line prints it. */
  public String text() {
    return switch (this) {
      case LINEARIZABLE -> "linearizable";
      case NOT_LINEARIZABLE -> "not linearizable";
      case UNKNOWN -> "unknown";
    };
  }
}
