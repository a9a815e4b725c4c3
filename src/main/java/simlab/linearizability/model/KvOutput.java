package simlab.linearizability.model;

/**
 * A key/value response.
 *
 * @param value what a GET returned ("" for a missing key); null for other operations
 */
public record KvOutput(String value) {
  /** The response of an operation that returns nothing. */
  public static final KvOutput NONE = new KvOutput(null);

  public static KvOutput of(String value) {
    return new KvOutput(value);
  }
}
