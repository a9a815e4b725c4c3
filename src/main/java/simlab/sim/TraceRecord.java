package simlab.sim;

/**
 * One kept trace record (kept only when the simulation keeps its trace). {@code what} is the text
 * shown (a timer's name, a message type), {@code call} links the records of one RPC (0: none),
 * {@code at2} is a second instant for replies (when the reply left the server; 0: none) and {@code
 * message} the request or reply value itself, rendered into its fields only on export. None of this
 * but the hashed fields enters the trace hash.
 */
public record TraceRecord(
    long at,
    TraceKind kind,
    String node,
    String peer,
    String what,
    long size,
    long call,
    long at2,
    Object message) {

  /** The message's fields as a JSON object text, or null when there is no message. */
  public String fields() {
    return message == null ? null : MessageFields.json(message);
  }
}
