package simlab.linearizability.model;

import java.util.Objects;

/**
 * A request to the versioned key/value server: {@code Get(key)} or {@code Put(key, value,
 * version)}.
 *
 * @param put true for Put, false for Get
 * @param value the value to put; null for Get
 * @param version the version the Put expects; 0 for Get
 */
public record VersionedInput(boolean put, String key, String value, long version) {
  public VersionedInput {
    Objects.requireNonNull(key, "key");
    if (put) {
      Objects.requireNonNull(value, "a put needs a value");
    }
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative: " + version);
    }
  }

  public static VersionedInput get(String key) {
    return new VersionedInput(false, key, null, 0);
  }

  public static VersionedInput put(String key, String value, long version) {
    return new VersionedInput(true, key, value, version);
  }
}
