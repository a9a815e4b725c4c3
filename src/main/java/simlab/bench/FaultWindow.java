package simlab.bench;

/**
 * A fault's active interval in virtual nanoseconds since the workload started, with the step that
 * made it.
 */
public record FaultWindow(long startNanos, long endNanos, String label) {
  public FaultWindow {
    if (endNanos < startNanos) {
      throw new IllegalArgumentException("a fault cannot end before it starts: " + label);
    }
  }
}
