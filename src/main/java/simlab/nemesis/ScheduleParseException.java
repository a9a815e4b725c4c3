package simlab.nemesis;

/**
 * A schedule text that does not parse. The message is one line: {@code <source>:<line>: expected
 * <what>, got '<token>'} (or what was wrong).
 */
public final class ScheduleParseException extends IllegalArgumentException {
  private final String source;
  private final int line;

  public ScheduleParseException(String source, int line, String problem) {
    super(source + ":" + line + ": " + problem);
    this.source = source;
    this.line = line;
  }

  public String source() {
    return source;
  }

  public int line() {
    return line;
  }
}
