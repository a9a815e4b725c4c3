package simlab.linearizability.model;

import java.util.Objects;

/**
 * A request to the etcd register.
 *
 * @param value the value written, or the expected value of a CAS; unused for READ
 * @param to the new value of a CAS; unused otherwise
 */
public record EtcdInput(EtcdOp op, int value, int to) {
  public EtcdInput {
    Objects.requireNonNull(op, "op");
  }

  public static EtcdInput read() {
    return new EtcdInput(EtcdOp.READ, 0, 0);
  }

  public static EtcdInput write(int value) {
    return new EtcdInput(EtcdOp.WRITE, value, 0);
  }

  public static EtcdInput cas(int from, int to) {
    return new EtcdInput(EtcdOp.CAS, from, to);
  }
}
