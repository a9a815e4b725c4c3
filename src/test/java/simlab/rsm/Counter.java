package simlab.rsm;

import simlab.sim.ValueCodec;

/**
 * The counter service 6.5840 2025's rsm tests use: Inc and Dec change it, Read returns it. Every op
 * answers the counter's value after it; doOps counts real executions, so a test can tell an applied
 * write from one answered by the duplicate table.
 */
final class Counter implements StateMachine {
  record Inc(long clientId, long seq) implements ClientOp {}

  record Dec(long clientId, long seq) implements ClientOp {}

  record Read(long clientId, long seq) implements ClientOp {
    @Override
    public boolean readOnly() {
      return true;
    }
  }

  /** A command that is no client request (6.5840's Null op; a shard group's no-op). */
  record Null(int n) {}

  long value;
  int doOps;

  @Override
  public Object doOp(Object command) {
    doOps++;
    if (command instanceof Inc) {
      value++;
    } else if (command instanceof Dec) {
      value--;
    } else if (!(command instanceof Read)) {
      return null;
    }
    return value;
  }

  @Override
  public byte[] snapshot() {
    return ValueCodec.encode(value);
  }

  @Override
  public void restore(byte[] snapshot) {
    value = (Long) ValueCodec.decode(snapshot);
  }
}
