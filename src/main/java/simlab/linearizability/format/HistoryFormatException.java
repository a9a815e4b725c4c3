package simlab.linearizability.format;

/**
 * A history file that does not follow its format. The message is {@code FILE:LINE: what was
 * expected}, ready to show to a user as it is.
 */
public final class HistoryFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String problem;

  public HistoryFormatException(String file, int line, String problem) {
    super(file + ":" + line + ": " + problem);
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  public String file() {
    return file;
  }

  /** 1-based line number. */
  public int line() {
    return line;
  }

  /** The message without the location. */
  public String problem() {
    return problem;
  }
}
