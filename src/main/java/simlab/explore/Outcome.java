package simlab.explore;

/**
 * The verdict of one run. {@code UNKNOWN} means the linearizability checker ran out of budget: it
 * is never counted as a pass. {@code property} names what failed (see {@link PropertyNames});
 * {@code detail} is the one-paragraph reason.
 */
public record Outcome(Result result, String property, String detail, String traceHash) {
  public enum Result {
    PASS,
    FAIL,
    UNKNOWN;

    public String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static Outcome pass(String traceHash) {
    return new Outcome(Result.PASS, "", "", traceHash);
  }

  public static Outcome fail(String property, String detail, String traceHash) {
    return new Outcome(Result.FAIL, property, detail, traceHash);
  }

  public boolean failed() {
    return result == Result.FAIL;
  }

  /** Whether this is a failure of {@code property} (what the shrinker keeps). */
  public boolean fails(String property) {
    return failed() && this.property.equals(property);
  }
}
