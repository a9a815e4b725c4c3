package simlab.linearizability.model;

import java.util.Objects;
import simlab.linearizability.DeterministicModel;

/**
 * A single read/write register of strings. The output of a read is the value read; a null output
 * means the client never learned it (always legal). Writes always succeed.
 */
public final class RegisterModel implements DeterministicModel<String, RegisterInput, String> {
  private final String initial;

  /** A register that starts as the empty string. */
  public RegisterModel() {
    this("");
  }

  public RegisterModel(String initial) {
    this.initial = Objects.requireNonNull(initial, "initial");
  }

  @Override
  public String initialState() {
    return initial;
  }

  @Override
  public String next(String state, RegisterInput in, String out) {
    if (in.write()) {
      return in.value();
    }
    return out == null || out.equals(state) ? state : null;
  }

  @Override
  public String describeOperation(RegisterInput in, String out) {
    return in.write()
        ? "write(" + in.value() + ")"
        : "read() -> " + (out == null ? "unknown" : out);
  }
}
