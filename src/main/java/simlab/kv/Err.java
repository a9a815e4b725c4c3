package simlab.kv;

/** Outcome of a request at a server. */
public enum Err {
  OK,
  /** A Get of a missing key; the value is "". */
  ERR_NO_KEY,
  /**
   * This server is not the leader, or lost leadership before the request committed: try another.
   */
  ERR_WRONG_LEADER,
  /** The request did not commit in time (for example a leader cut off in a minority): try again. */
  ERR_TIMEOUT
}
