package simlab.shardkv;

/** The client operations of lab 5B (Delete is simlab's addition, as in the KV model). */
public enum KvOpType {
  GET,
  PUT,
  APPEND,
  DELETE
}
