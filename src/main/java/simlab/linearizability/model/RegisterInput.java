package simlab.linearizability.model;

import java.util.Objects;

/**
 * A request to a read/write register.
 *
 * @param write true for a write of {@code value}, false for a read
 * @param value the value written; null for a read
 */
public record RegisterInput(boolean write, String value) {
  public RegisterInput {
    if (write) {
      Objects.requireNonNull(value, "a write needs a value");
    }
  }

  public static RegisterInput read() {
    return new RegisterInput(false, null);
  }

  public static RegisterInput write(String value) {
    return new RegisterInput(true, value);
  }
}
