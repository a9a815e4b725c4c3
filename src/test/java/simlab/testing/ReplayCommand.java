package simlab.testing;

import java.util.ArrayList;
import java.util.List;
import simlab.harness.ImplementationKind;

/**
 * The one command that replays a run: {@code test-scripts/replay NAME --seed N} followed by one
 * {@code --impl} per implementation switch that was set, so nothing depends on environment
 * variables (two {@code JAVA_TOOL_OPTIONS=} prefixes would keep only the last). Tokens a shell
 * would mangle ({@code Outer$Inner}) are single-quoted; {@link #split} reads the command back, as a
 * shell would, for the tests that re-run it.
 */
public final class ReplayCommand {
  /**
   * The implementation properties in the order they are printed (see
   * simlab.harness.ImplementationKind).
   */
  private static List<String> kinds() {
    List<String> k = new ArrayList<>();
    for (ImplementationKind kind : ImplementationKind.values()) {
      k.add(kind.shortName());
    }
    return k;
  }

  private ReplayCommand() {}

  /**
   * The replay script as the user invokes it: {@code test-scripts/replay} in simlab itself; a
   * project that depends on simlab as a library sets {@code -Dsim.replay.command} to its own
   * wrapper (labs/student-raft passes {@code ./replay}).
   */
  static String script() {
    String s = System.getProperty("sim.replay.command");
    return s == null || s.isBlank() ? "test-scripts/replay" : s.trim();
  }

  /** The replay command of a 2024 test (no {@code --year}, 2024 being replay's default). */
  public static String format(String testName, long seed, List<String> implValues) {
    return format(testName, seed, 2024, implValues);
  }

  /**
   * The replay command of a test of {@code year}'s suites: {@code --year 2025} follows the seed for
   * a 2025 test, whose name may also be a 2024 test's.
   */
  public static String format(String testName, long seed, int year, List<String> implValues) {
    StringBuilder cmd =
        new StringBuilder(script())
            .append(' ')
            .append(quote(testName))
            .append(" --seed ")
            .append(seed);
    if (year != 2024) {
      cmd.append(" --year ").append(year);
    }
    for (String v : implValues) {
      cmd.append(" --impl ").append(quote(v));
    }
    return cmd.toString();
  }

  /**
   * The {@code --impl} values equivalent to this JVM's switches: {@code KIND=CLASS} for each {@code
   * sim.KIND} property and the bare class of {@code sim.impl}.
   */
  public static List<String> implValuesFromProperties() {
    List<String> values = new ArrayList<>();
    for (String k : kinds()) {
      String v = System.getProperty("sim." + k);
      if (v != null && !v.isBlank()) {
        values.add(k + "=" + v.trim());
      }
    }
    String generic = System.getProperty("sim.impl");
    if (generic != null && !generic.isBlank()) {
      values.add(generic.trim());
    }
    return values;
  }

  static String quote(String token) {
    return simlab.explore.ShellWord.quote(token);
  }

  /**
   * Splits a command as a POSIX shell would for the forms {@link #format} produces (words, single
   * quotes).
   */
  public static List<String> split(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (c == '\'') {
        int end = command.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated quote in: " + command);
        }
        w.append(command, i + 1, end);
        i = end;
        inWord = true;
      } else if (c == '\\' && i + 1 < command.length()) {
        w.append(command.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(w.toString());
    }
    return words;
  }
}
