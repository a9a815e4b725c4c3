package simlab.sim;

/**
 * Marker for a request message whose reply type is {@code R}. Tying the reply type to the request
 * lets {@link NodeContext#call} hand the caller a typed reply without casts.
 *
 * <p>Implementations must be immutable values (records of primitives, String, enums, records, Guava
 * immutable collections, byte arrays): the network checks this on every send and copies byte
 * arrays, so a sender can never alias a receiver's state.
 */
public interface Rpc<R> {}
