package simlab.linearizability.format;

import java.util.List;
import java.util.stream.Collectors;

/** Reads the tokens of one line left to right, failing with the line's location. */
final class LineScanner {
  private final String file;
  private final int lineNumber;
  private final String line;
  private int pos;

  LineScanner(String file, int lineNumber, String line) {
    this.file = file;
    this.lineNumber = lineNumber;
    this.line = line;
  }

  HistoryFormatException error(String problem) {
    return new HistoryFormatException(file, lineNumber, problem);
  }

  /** Fails with "expected X but found Y", where Y is the rest of the line's next token. */
  HistoryFormatException expected(String what) {
    return error("expected " + what + " but found " + found());
  }

  private String found() {
    if (pos >= line.length()) {
      return "end of line";
    }
    int end = pos;
    while (end < line.length() && !isBlank(line.charAt(end)) && end - pos < 40) {
      end++;
    }
    return "'" + line.substring(pos, Math.max(end, pos + 1)) + "'";
  }

  void skipBlanks() {
    while (pos < line.length() && isBlank(line.charAt(pos))) {
      pos++;
    }
  }

  /** Requires at least one blank, then skips all of them. */
  void blanks(String before) throws HistoryFormatException {
    if (pos >= line.length() || !isBlank(line.charAt(pos))) {
      throw expected("blank before " + before);
    }
    skipBlanks();
  }

  void literal(String text) throws HistoryFormatException {
    if (!line.startsWith(text, pos)) {
      throw expected("'" + text + "'");
    }
    pos += text.length();
  }

  boolean tryLiteral(String text) {
    if (line.startsWith(text, pos)) {
      pos += text.length();
      return true;
    }
    return false;
  }

  /** The next of the given words, which must end at a blank, ',' , '}' or end of line. */
  String oneOf(List<String> words) throws HistoryFormatException {
    for (String w : words) {
      int end = pos + w.length();
      if (line.startsWith(w, pos) && (end == line.length() || isDelimiter(line.charAt(end)))) {
        pos = end;
        return w;
      }
    }
    throw expected(
        words.stream()
            .map(w -> "'" + w + "'")
            .collect(Collectors.collectingAndThen(Collectors.toList(), LineScanner::alternatives)));
  }

  private static String alternatives(List<String> quoted) {
    if (quoted.size() == 1) {
      return quoted.get(0);
    }
    return String.join(", ", quoted.subList(0, quoted.size() - 1))
        + " or "
        + quoted.get(quoted.size() - 1);
  }

  int integer(String what) throws HistoryFormatException {
    int start = pos;
    if (pos < line.length() && line.charAt(pos) == '-') {
      pos++;
    }
    while (pos < line.length() && Character.isDigit(line.charAt(pos))) {
      pos++;
    }
    String digits = line.substring(start, pos);
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      pos = start;
      throw expected(what + " (an integer)");
    }
  }

  long longInteger(String what) throws HistoryFormatException {
    int start = pos;
    if (pos < line.length() && line.charAt(pos) == '-') {
      pos++;
    }
    while (pos < line.length() && Character.isDigit(line.charAt(pos))) {
      pos++;
    }
    try {
      return Long.parseLong(line.substring(start, pos));
    } catch (NumberFormatException e) {
      pos = start;
      throw expected(what + " (an integer)");
    }
  }

  /** A double-quoted string without escapes. */
  String quoted(String what) throws HistoryFormatException {
    if (pos >= line.length() || line.charAt(pos) != '"') {
      throw expected(what + " (a double-quoted string)");
    }
    int end = line.indexOf('"', pos + 1);
    if (end < 0) {
      throw error("unterminated string in " + what + ": missing closing '\"'");
    }
    String s = line.substring(pos + 1, end);
    pos = end + 1;
    return s;
  }

  /** A run of non-blank characters. */
  String word(String what) throws HistoryFormatException {
    int start = pos;
    while (pos < line.length() && !isBlank(line.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw expected(what);
    }
    return line.substring(start, pos);
  }

  void end() throws HistoryFormatException {
    skipBlanks();
    if (pos < line.length()) {
      throw expected("end of line");
    }
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  private static boolean isDelimiter(char c) {
    return isBlank(c) || c == ',' || c == '}';
  }
}
