package simlab.rsm;

/**
 * The outcome of one {@link Rsm#submit}: 6.5840 2025's {@code (rpc.Err, any)} pair.
 *
 * @param result what {@link StateMachine#doOp} returned (or the duplicate table's stored answer for
 *     a retried write); null unless {@code err} is {@link RsmErr#OK}
 */
public record Submitted(RsmErr err, Object result) {
  public static Submitted ok(Object result) {
    return new Submitted(RsmErr.OK, result);
  }

  public static Submitted failed(RsmErr err) {
    if (err == RsmErr.OK) {
      throw new IllegalArgumentException("a failed submit needs an error, not OK");
    }
    return new Submitted(err, null);
  }
}
