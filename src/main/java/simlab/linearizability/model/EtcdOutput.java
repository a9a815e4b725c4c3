package simlab.linearizability.model;

import java.util.Objects;

/**
 * A response of the etcd register.
 *
 * @param status OK, FAIL (a CAS that did not apply) or UNKNOWN (timed out: may or may not have
 *     taken effect)
 * @param read the value a successful READ returned; null for "nil" and for other operations
 */
public record EtcdOutput(Status status, Integer read) {
  public enum Status {
    OK,
    FAIL,
    UNKNOWN
  }

  public static final EtcdOutput OK = new EtcdOutput(Status.OK, null);
  public static final EtcdOutput FAIL = new EtcdOutput(Status.FAIL, null);
  public static final EtcdOutput UNKNOWN = new EtcdOutput(Status.UNKNOWN, null);

  public EtcdOutput {
    Objects.requireNonNull(status, "status");
  }

  public static EtcdOutput read(Integer value) {
    return new EtcdOutput(Status.OK, value);
  }
}
