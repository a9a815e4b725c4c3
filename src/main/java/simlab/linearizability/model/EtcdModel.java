package simlab.linearizability.model;

import java.util.List;
import simlab.linearizability.DeterministicModel;
import simlab.linearizability.Lookahead;
import simlab.linearizability.Operation;

/**
 * The compare-and-set register of Jepsen's etcd test (Porcupine's histories), starting as nil. An
 * operation with an UNKNOWN outcome is always legal, and a CAS with an unknown outcome still takes
 * effect when its expected value matches: Jepsen leaves such an operation open until the end of the
 * history, so the search may place it anywhere after its call, including "after everything", where
 * it changes nothing observable.
 *
 * <p>The state is a Long so nil can be a value outside the int range of register values; small
 * values are cached by {@code Long.valueOf}, so steps rarely allocate.
 */
public final class EtcdModel implements DeterministicModel<Long, EtcdInput, EtcdOutput> {
  /** The state of a register that was never written. */
  public static final Long NIL = Long.MIN_VALUE;

  @Override
  public Long initialState() {
    return NIL;
  }

  @Override
  public Long next(Long state, EtcdInput in, EtcdOutput out) {
    long s = state;
    EtcdOutput.Status status = out.status();
    return switch (in.op()) {
      case READ -> {
        if (status != EtcdOutput.Status.OK) {
          yield state;
        }
        long seen = out.read() == null ? NIL : out.read();
        yield s == seen ? state : null;
      }
      case WRITE -> status == EtcdOutput.Status.FAIL ? state : Long.valueOf(in.value());
      case CAS -> {
        boolean matches = s == in.value();
        yield switch (status) {
          case OK -> matches ? Long.valueOf(in.to()) : null;
          case FAIL -> matches ? null : state;
          case UNKNOWN -> matches ? Long.valueOf(in.to()) : state;
        };
      }
    };
  }

  /**
   * A read, whatever its outcome, a CAS that failed and a write that failed change nothing: {@link
   * #next} returns the state it was given, or null.
   */
  @Override
  public boolean readOnly(EtcdInput in, EtcdOutput out) {
    return switch (in.op()) {
      case READ -> true;
      case WRITE, CAS -> out.status() == EtcdOutput.Status.FAIL;
    };
  }

  /** Prunes states that strand a read (see {@link EtcdLookahead}). */
  @Override
  public Lookahead<Long> lookahead(List<Operation<EtcdInput, EtcdOutput>> partition) {
    return new EtcdLookahead(partition);
  }

  @Override
  public int stateHash(Long state) {
    return Long.hashCode(state);
  }

  @Override
  public String describeOperation(EtcdInput in, EtcdOutput out) {
    String call =
        switch (in.op()) {
          case READ -> "read()";
          case WRITE -> "write(" + in.value() + ")";
          case CAS -> "cas(" + in.value() + ", " + in.to() + ")";
        };
    String result =
        switch (out.status()) {
          case UNKNOWN -> "unknown";
          case FAIL -> "fail";
          case OK ->
              in.op() == EtcdOp.READ ? (out.read() == null ? "nil" : out.read().toString()) : "ok";
        };
    return call + " -> " + result;
  }

  @Override
  public String describeState(Long state) {
    return state.equals(NIL) ? "nil" : state.toString();
  }
}
