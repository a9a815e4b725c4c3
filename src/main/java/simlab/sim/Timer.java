package simlab.sim;

/** A scheduled one-shot action. */
public interface Timer {
  /** Stops the action from running; harmless if it already ran or was cancelled. */
  void cancel();

  /** True until the action has run or was cancelled. */
  boolean pending();
}
