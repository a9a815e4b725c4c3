package simlab.linearizability.model;

/** The operations of the key/value service. */
public enum KvOp {
  GET,
  PUT,
  APPEND,
  DELETE
}
