package simlab.linearizability.model;

/** Error replies of the 2025 versioned key/value server (kvsrv). */
public enum KvErr {
  OK,
  ERR_NO_KEY,
  ERR_VERSION,
  /** A retried Put got ErrVersion: the first attempt may or may not have applied. */
  ERR_MAYBE
}
