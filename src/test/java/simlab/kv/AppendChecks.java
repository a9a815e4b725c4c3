package simlab.kv;

import java.util.List;

/**
 * 6.5840's checkClntAppends / checkConcurrentAppends: each append present exactly once, in order.
 */
public final class AppendChecks {
  private AppendChecks() {}

  public static String value(int client, int j) {
    return "x " + client + " " + j + " y";
  }

  /** Client {@code clnt}'s appends 0..count-1 must each appear once, in order, in {@code v}. */
  public static void checkClntAppends(int clnt, String v, int count) {
    int lastoff = -1;
    for (int j = 0; j < count; j++) {
      String wanted = value(clnt, j);
      int off = v.indexOf(wanted);
      if (off < 0) {
        throw new AssertionError(clnt + " missing element " + wanted + " in Append result " + v);
      }
      if (v.lastIndexOf(wanted) != off) {
        throw new AssertionError("duplicate element " + wanted + " in Append result");
      }
      if (off <= lastoff) {
        throw new AssertionError("wrong order for element " + wanted + " in Append result");
      }
      lastoff = off;
    }
  }

  public static void checkConcurrentAppends(String v, List<Integer> counts) {
    for (int i = 0; i < counts.size(); i++) {
      checkClntAppends(i, v, counts.get(i));
    }
  }

  /** Whether {@code s} occurs in {@code history} (kvsrv's inHistory). */
  public static boolean inHistory(String s, String history) {
    return history.contains(s);
  }
}
