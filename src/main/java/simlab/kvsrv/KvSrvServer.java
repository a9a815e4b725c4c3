package simlab.kvsrv;

/**
 * The single key/value server of lab 2.
 *
 * <p>{@link #memoryBytes()} stands in for 6.5840's {@code runtime.ReadMemStats} heap measurement,
 * which a simulation cannot use (the heap holds every node and the test itself). It must count what
 * the server keeps: for every stored key, the key's and the value's length; for every remembered
 * reply, {@link #DEDUP_ENTRY_BYTES} plus the length of the remembered value. Characters count one
 * byte each (the values are ASCII).
 */
public interface KvSrvServer {
  /** Cost charged for one remembered client: its id and sequence number, 8 bytes each. */
  long DEDUP_ENTRY_BYTES = 16;

  long memoryBytes();
}
