package simlab.json;

/**
 * Writes JSON string literals. Shared by the trace export (simlab.sim) and the JSON Lines
 * history format (simlab.linearizability), which must not depend on each other.
 */
public final class JsonStrings {
  private JsonStrings() {
  }

  /**
   * Appends {@code s} as a JSON string literal, or {@code null}. Non-ASCII text stays as
   * UTF-8; only quotes, backslashes, control characters and unpaired surrogates (which
   * UTF-8 cannot carry) are escaped.
   */
  public static void append(StringBuilder sb, String s) {
    if (s == null) {
      sb.append("null");
      return;
    }
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append(c).append(s.charAt(++i));
          } else if (c < 0x20 || c == 0x7F || Character.isSurrogate(c)) {
            sb.append(String.format("\\u%04X", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
