package simlab.grading;

import java.util.List;

/**
 * A failure message as grade prints it: the whole message, never just its first line (a node's
 * stack trace and the replay command follow on the next lines), indented under the test and seed it
 * belongs to.
 */
final class FailureText {
  private FailureText() {}

  /** The message without the "<test> failed with seed <n>: " the header already says. */
  static String withoutPrefix(String message, String prefix) {
    return message != null && message.startsWith(prefix)
        ? message.substring(prefix.length())
        : message;
  }

  static String indented(String header, String message) {
    StringBuilder sb = new StringBuilder("  ").append(header).append(':');
    List<String> lines = message == null ? List.of() : message.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      sb.append(i == 0 ? " " : "\n    ").append(lines.get(i));
    }
    return sb.append('\n').toString();
  }
}
