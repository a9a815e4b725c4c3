package simlab.linearizability.model;

import java.util.Objects;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetResult;

/**
 * A reply of the versioned key/value service.
 *
 * @param value what a Get returned ("" for a missing key); null for a Put
 * @param version the version a Get returned; 0 for a Put
 */
public record VersionedOutput(String value, long version, Err err) {
  public VersionedOutput {
    Objects.requireNonNull(err, "err");
  }

  /** A Put's reply. */
  public static VersionedOutput of(Err err) {
    return new VersionedOutput(null, 0, err);
  }

  /** A successful Get's reply. */
  public static VersionedOutput got(String value, long version) {
    return new VersionedOutput(value, version, Err.OK);
  }

  /** A Get's reply as a clerk returned it. */
  public static VersionedOutput of(GetResult r) {
    return new VersionedOutput(r.value(), r.version(), r.err());
  }
}
