package simlab.workload;

/**
 * Clients running against a cluster inside a simulation. {@link #start()} only schedules work (it
 * never runs the simulation); the caller runs it and polls {@link #finished()}.
 */
public interface Workload {
  void start();

  /** Stops issuing new operations; those in flight still complete. */
  void stop();

  /** Every client has completed its last operation. */
  boolean finished();

  /** Operations completed so far, over all clients. */
  long completed();

  /** Operations issued and not completed yet. */
  long pending();

  /**
   * Per client, how many operations it has issued so far (the one in flight included); with {@link
   * #completedPerClient()} the explorer checks that the operations pending at the final heal
   * complete in time (each client has at most one in flight).
   */
  int[] issuedPerClient();

  /** Per client, how many operations have completed. */
  int[] completedPerClient();
}
