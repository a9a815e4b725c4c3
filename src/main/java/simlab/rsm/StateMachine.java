package simlab.rsm;

/**
 * The service a {@link Rsm} replicates (6.5840 2025's {@code rsm.StateMachine}). The RSM calls it
 * from its apply loop only, one committed command at a time, in log order, on every replica; so
 * {@link #doOp} must be deterministic (no clock, no randomness, sorted maps only) and must not call
 * back into the RSM.
 */
public interface StateMachine {

  /**
   * Applies one committed command and returns its result, which the RSM hands to the submitter
   * waiting at this replica (if any). The command may be one this service never submitted itself
   * (another replica's, or an entry a new leader wrote); return null for commands with nothing to
   * answer.
   */
  Object doOp(Object command);

  /** The whole state as bytes, for a snapshot; the same state must give the same bytes. */
  byte[] snapshot();

  /** Replaces the whole state with a {@link #snapshot()}'s. */
  void restore(byte[] snapshot);
}
