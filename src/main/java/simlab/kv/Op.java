package simlab.kv;

/** The operations of the replicated key/value service. */
public enum Op {
  GET,
  PUT,
  APPEND,
  DELETE;

  /** Whether the operation changes state, and so must be applied at most once per request. */
  public boolean isWrite() {
    return this != GET;
  }
}
