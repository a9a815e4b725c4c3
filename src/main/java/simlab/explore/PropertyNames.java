package simlab.explore;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import simlab.sim.SimulationFailure;

/**
 * The names of the properties a run checks, as they appear in reports, JSON records and schedule
 * files. The invariant monitors name their own ("Election Safety", "Log Matching", ...) in messages
 * of the form {@code <name> violated: <detail>}; this class reads the name back from such a
 * message, so the shrinker can insist on the same one.
 */
public final class PropertyNames {
  public static final String LINEARIZABILITY = "Linearizability";
  public static final String LIVENESS = "Liveness";
  public static final String DURABILITY = "Durability";
  public static final String COMMITTED_IN_LATER_LEADERS = "Committed in later leaders";

  /** Code of the implementation under test threw. */
  public static final String NODE_EXCEPTION = "Node exception";

  /** More than a million events within one virtual millisecond. */
  public static final String TIME_PROGRESS = "Virtual time progress";

  /** A check of the lab harness itself (e.g. the controller's join never completing). */
  public static final String HARNESS_CHECK = "Harness check";

  private static final Pattern VIOLATED =
      Pattern.compile("^([A-Z][A-Za-z ]{2,60}?) violated(?: \\([^)]*\\))?: ");

  private PropertyNames() {}

  /** The property a simulation failure reports. */
  public static String of(SimulationFailure f) {
    String m = String.valueOf(f.getMessage());
    Matcher v = VIOLATED.matcher(m);
    if (v.find()) {
      return v.group(1);
    }
    if (m.startsWith("node ") && m.contains(" threw ")) {
      return NODE_EXCEPTION;
    }
    if (m.startsWith("virtual time is not advancing")) {
      return TIME_PROGRESS;
    }
    return HARNESS_CHECK;
  }
}
