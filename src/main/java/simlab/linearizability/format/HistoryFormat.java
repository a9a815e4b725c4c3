package simlab.linearizability.format;

import java.nio.file.Path;
import java.util.List;

/** The history file formats this package reads. */
public enum HistoryFormat {
  /** Jepsen etcd logs ({@link JepsenEtcdFormat}). */
  JEPSEN,
  /** Porcupine's EDN-like key/value lines ({@link PorcupineKvFormat}). */
  KV,
  /** JSON Lines key/value operations, as the lab suites save them ({@link KvJsonLinesFormat}). */
  JSONL,
  /** Plain register lines ({@link RegisterTextFormat}). */
  REGISTER;

  /**
   * Guesses the format from the first line that is neither blank nor a comment: "INFO" starts a
   * Jepsen log, "{\"" a JSON Lines operation, "{" (as in Porcupine's "{:process") a key/value line,
   * anything else is taken as the register format. Returns null for a file with no such line.
   */
  public static HistoryFormat detect(List<String> lines) {
    for (String line : lines) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      if (t.startsWith("INFO")) {
        return JEPSEN;
      }
      if (t.startsWith("{")) {
        // Porcupine's lines open with "{:", a JSON object with "{" and a quoted field name.
        return t.substring(1).stripLeading().startsWith("\"") ? JSONL : KV;
      }
      return REGISTER;
    }
    return null;
  }

  /**
   * The lines of a history file; a missing or unreadable file is reported like a format error, at
   * line 0.
   */
  public static List<String> readLines(Path file) throws HistoryFormatException {
    return HistoryFiles.lines(file);
  }
}
