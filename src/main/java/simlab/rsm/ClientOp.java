package simlab.rsm;

/**
 * A command that names its client request, so the RSM's {@link DuplicateTable} can apply a retried
 * write at most once. A client runs one request at a time and numbers them 1, 2, 3, ...; the pair
 * (clientId, seq) stays the same across retries of one request.
 */
public interface ClientOp {
  long clientId();

  long seq();

  /**
   * Whether the command leaves the state unchanged (a Get, a Query). Reads are applied again when
   * retried, which is harmless, and their answers are not kept in the table (a Get's value would
   * make every snapshot carry one value per client).
   */
  default boolean readOnly() {
    return false;
  }
}
