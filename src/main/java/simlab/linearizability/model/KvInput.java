package simlab.linearizability.model;

import java.util.Objects;

/**
 * A key/value request.
 *
 * @param value the string to put or append; ignored (may be null) for GET and DELETE
 */
public record KvInput(KvOp op, String key, String value) {
  public KvInput {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(key, "key");
    if ((op == KvOp.PUT || op == KvOp.APPEND) && value == null) {
      throw new IllegalArgumentException(op + " needs a value");
    }
  }

  public static KvInput get(String key) {
    return new KvInput(KvOp.GET, key, null);
  }

  public static KvInput put(String key, String value) {
    return new KvInput(KvOp.PUT, key, value);
  }

  public static KvInput append(String key, String value) {
    return new KvInput(KvOp.APPEND, key, value);
  }

  public static KvInput delete(String key) {
    return new KvInput(KvOp.DELETE, key, null);
  }
}
