package simlab.linearizability.model;

/**
 * State of one key of the versioned server. Version 0 means the key does not exist: the first
 * successful Put (which must expect version 0) creates it at version 1.
 */
public record VersionedValue(String value, long version) {
  public static final VersionedValue ABSENT = new VersionedValue("", 0);

  public boolean absent() {
    return version == 0;
  }
}
