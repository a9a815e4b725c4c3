package simlab.logging;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place simlab gets its slf4j loggers from. Before the first logger exists it turns {@code
 * -Dsim.log=LEVEL} (else the environment variable {@code SIM_LOG}) into slf4j-simple's level for
 * everything under {@code simlab}, because slf4j-simple reads its configuration once, when the
 * first logger is created.
 */
public final class Logs {
  /** The system property (and, upper-cased with an underscore, the environment variable). */
  public static final String PROPERTY = "sim.log";

  /** The levels {@code sim.log} accepts, from most to least verbose. */
  public static final List<String> LEVELS =
      List.of("trace", "debug", "info", "warn", "error", "off");

  private static final String SIMPLE_LOGGER_SIMLAB = "org.slf4j.simpleLogger.log.simlab";

  static {
    applySimLog(System.getProperty(PROPERTY, System.getenv("SIM_LOG")));
  }

  private Logs() {}

  public static Logger get(Class<?> owner) {
    return LoggerFactory.getLogger(owner);
  }

  public static Logger get(String name) {
    return LoggerFactory.getLogger(name);
  }

  /** The logger of one simulated node's {@code ctx.log} lines: {@code simlab.node.<id>}. */
  public static Logger node(String id) {
    return LoggerFactory.getLogger("simlab.node." + id);
  }

  /**
   * The level {@code value} names, lower case, or null if it is not one of {@link #LEVELS}. Blank
   * or null means "not set" and also gives null.
   */
  static String parseLevel(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    return LEVELS.contains(v) ? v : null;
  }

  private static void applySimLog(String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    String level = parseLevel(value);
    if (level == null) {
      // A typo must not stop a grading run or a test; one line says what was ignored.
      System.err.println(
          "simlab: ignoring sim.log='" + value + "': expected one of " + String.join(", ", LEVELS));
      return;
    }
    // An explicit slf4j-simple setting for simlab wins over the shorthand.
    if (System.getProperty(SIMPLE_LOGGER_SIMLAB) == null) {
      System.setProperty(SIMPLE_LOGGER_SIMLAB, level);
    }
  }
}
