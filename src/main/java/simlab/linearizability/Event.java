package simlab.linearizability;

/**
 * One half of an operation in event form: a call carrying the input or a return carrying the
 * output. Events of a history are given in real-time order; {@code id} pairs a return with its
 * call.
 */
public record Event<I, O>(Kind kind, int clientId, int id, I input, O output) {

  public enum Kind {
    CALL,
    RETURN
  }

  public static <I, O> Event<I, O> call(int clientId, int id, I input) {
    return new Event<>(Kind.CALL, clientId, id, input, null);
  }

  public static <I, O> Event<I, O> ret(int clientId, int id, O output) {
    return new Event<>(Kind.RETURN, clientId, id, null, output);
  }
}
