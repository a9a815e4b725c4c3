package simlab.kvsrv1;

import java.util.Objects;

/**
 * What a versioned Get returns (6.5840's {@code (string, rpc.Tversion, rpc.Err)}): the value and
 * its version, or {@link Err#ErrNoKey} with value "" and version 0.
 *
 * @param value never null; "" for a missing key
 * @param version the key's version (6.5840's Tversion, a count of successful Puts)
 */
public record GetResult(String value, long version, Err err) {
  public GetResult {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(err, "err");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative: " + version);
    }
  }

  public static GetResult found(String value, long version) {
    return new GetResult(value, version, Err.OK);
  }

  public static GetResult noKey() {
    return new GetResult("", 0, Err.ErrNoKey);
  }
}
