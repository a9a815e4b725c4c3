package simlab.linearizability.model;

import java.util.Objects;

/**
 * A reply of the versioned key/value server.
 *
 * @param value what a successful Get returned; null otherwise
 * @param version the version a successful Get returned; 0 otherwise
 */
public record VersionedOutput(String value, long version, KvErr err) {
  public VersionedOutput {
    Objects.requireNonNull(err, "err");
  }

  public static VersionedOutput of(KvErr err) {
    return new VersionedOutput(null, 0, err);
  }

  public static VersionedOutput got(String value, long version) {
    return new VersionedOutput(value, version, KvErr.OK);
  }
}
