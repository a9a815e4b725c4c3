package simlab.testing.property;

/**
 * Thrown by {@link Property#assume(boolean)}: the case does not meet the property's precondition,
 * so it is neither a pass nor a failure and another case is drawn.
 */
public final class Discard extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Discard() {
    super("case discarded: an assumption did not hold", null, false, false);
  }
}
