package simlab.sim;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The stack trace of an exception a node threw, trimmed for the person who wrote the node: the
 * frames from the throw down to where the simulator called into the node, so the student's own
 * {@code file:line} comes first and the simulator's dispatch (event loop, network delivery, JUnit)
 * is left out. Causes follow, each trimmed to the frames it does not share with the exception that
 * wraps it. Deep recursion is cut to a fixed number of frames.
 */
final class NodeStackTrace {
  /** At most this many frames per exception (a StackOverflowError has ~1,000 identical ones). */
  static final int MAX_FRAMES = 24;

  private static final int MAX_CAUSES = 4;

  /** The classes that dispatch into node code (their lambdas and nested classes included). */
  private static final Set<String> DISPATCHERS =
      Set.of(Simulation.class.getName(), Network.class.getName(), NodeRuntime.class.getName());

  private NodeStackTrace() {}

  /** {@code ex} with its trimmed frames, one per line, each line indented by {@code indent}. */
  static String format(Throwable ex, String indent) {
    StringBuilder sb = new StringBuilder();
    StackTraceElement[] frames = ex.getStackTrace();
    int end = dispatchStart(frames);
    appendOne(sb, ex, frames, end, indent, "");
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    seen.put(ex, true);
    Throwable outer = ex;
    Throwable cause = ex.getCause();
    for (int n = 0; cause != null && n < MAX_CAUSES && !seen.containsKey(cause); n++) {
      seen.put(cause, true);
      StackTraceElement[] cf = cause.getStackTrace();
      appendOne(
          sb,
          cause,
          cf,
          cf.length - commonSuffix(cf, outer.getStackTrace()),
          indent,
          "Caused by: ");
      outer = cause;
      cause = cause.getCause();
    }
    return sb.toString();
  }

  private static void appendOne(
      StringBuilder sb,
      Throwable t,
      StackTraceElement[] frames,
      int end,
      String indent,
      String prefix) {
    sb.append('\n').append(indent).append(prefix).append(t);
    int shown = Math.min(end, MAX_FRAMES);
    for (int i = 0; i < shown; i++) {
      sb.append('\n').append(indent).append("    at ").append(frames[i]);
    }
    if (end > shown) {
      sb.append('\n').append(indent).append("    ... ").append(end - shown).append(" more frames");
    }
  }

  /**
   * Index of the first frame that belongs to the simulator's dispatch: the innermost {@code
   * Simulation.runAs} and the dispatcher frames directly above it (the lambdas of Simulation,
   * Network and NodeRuntime that call the node's handler or timer). Simulator frames further up
   * stay: they are the API the node called (say, a message the network refused).
   */
  static int dispatchStart(StackTraceElement[] frames) {
    for (int i = 0; i < frames.length; i++) {
      if (frames[i].getClassName().equals(Simulation.class.getName())
          && frames[i].getMethodName().equals("runAs")) {
        int start = i;
        while (start > 0 && isDispatcher(frames[start - 1])) {
          start--;
        }
        // Keep at least the throwing frame even if the simulator itself threw.
        return Math.max(start, Math.min(1, frames.length));
      }
    }
    return frames.length;
  }

  private static boolean isDispatcher(StackTraceElement f) {
    String c = f.getClassName();
    int nested = c.indexOf('$');
    return DISPATCHERS.contains(nested < 0 ? c : c.substring(0, nested));
  }

  private static int commonSuffix(StackTraceElement[] a, StackTraceElement[] b) {
    int n = 0;
    while (n < a.length && n < b.length && a[a.length - 1 - n].equals(b[b.length - 1 - n])) {
      n++;
    }
    return n;
  }
}
