package simlab.linearizability;

import java.util.Objects;

/**
 * One completed (or, with an "unknown" output, possibly completed) client operation.
 *
 * <p>Times are only compared with each other, so any monotonic unit works (virtual nanoseconds from
 * the simulator, line numbers from a log file).
 *
 * @param clientId who issued it; used for display only, the checker does not need it
 * @param input what the client asked for
 * @param output what the client observed (a model may define an "unknown" output)
 * @param call time of the invocation
 * @param ret time of the response; must not precede {@code call}
 */
public record Operation<I, O>(int clientId, I input, O output, long call, long ret) {
  public Operation {
    Objects.requireNonNull(input, "input");
    if (ret < call) {
      throw new IllegalArgumentException(
          "operation returns (" + ret + ") before it is called (" + call + ")");
    }
  }
}
