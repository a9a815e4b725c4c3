package simlab.raft;

import java.util.ArrayList;
import java.util.List;

/** Small steps shared by the tests that drive {@link RaftCore} by hand. */
final class CoreSteps {
  private CoreSteps() {}

  /** Hands {@code r} back to {@code c} as carried out (persisted, sent, applied) and returns it. */
  static Ready done(RaftCore c, Ready r) {
    c.advance(r);
    return r;
  }

  /**
   * Entries with these terms, commands "c1", "c2", ... (index i + 1 holds command "c" + (i + 1)).
   */
  static List<LogEntry> log(int... terms) {
    List<LogEntry> entries = new ArrayList<>();
    for (int i = 0; i < terms.length; i++) {
      entries.add(new LogEntry(terms[i], "c" + (i + 1)));
    }
    return entries;
  }
}
