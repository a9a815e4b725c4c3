package simlab.grading;

import java.util.LinkedHashMap;
import java.util.Map;
import simlab.harness.ImplementationChoice;
import simlab.harness.ImplementationKind;

/**
 * Puts a checked {@link ImplementationChoice} into the system properties the harness reads ({@code
 * sim.KIND}), with {@code sim.impl} cleared: after resolution every choice is explicit, so the
 * replay command each failure prints names every switch. {@link #close} restores the properties as
 * they were (grade and replay also run in-process in tests).
 */
final class ImplementationSwitches implements AutoCloseable {
  private final Map<String, String> before = new LinkedHashMap<>();

  private ImplementationSwitches(ImplementationChoice choice) {
    for (ImplementationKind k : ImplementationKind.values()) {
      remember(k.property());
      String c = choice.chosen().get(k);
      if (c == null) {
        System.clearProperty(k.property());
      } else {
        System.setProperty(k.property(), c);
      }
    }
    remember(ImplementationKind.GENERIC_PROPERTY);
    System.clearProperty(ImplementationKind.GENERIC_PROPERTY);
  }

  static ImplementationSwitches apply(ImplementationChoice choice) {
    return new ImplementationSwitches(choice);
  }

  private void remember(String key) {
    before.put(key, System.getProperty(key));
  }

  @Override
  public void close() {
    before.forEach(
        (k, v) -> {
          if (v == null) {
            System.clearProperty(k);
          } else {
            System.setProperty(k, v);
          }
        });
  }
}
