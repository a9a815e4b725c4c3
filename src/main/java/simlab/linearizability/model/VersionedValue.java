package simlab.linearizability.model;

/**
 * State of one key of the versioned service: its value and how many Puts changed it. A missing key
 * is {@link #INITIAL}, ("", 0): the first successful Put (which must expect version 0) makes it
 * version 1.
 */
public record VersionedValue(String value, long version) {
  public static final VersionedValue INITIAL = new VersionedValue("", 0);
}
