package simlab.nemesis;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of fault the generator draws from; {@link #cliName()} is the name in {@code --faults}.
 */
public enum FaultKind {
  /** Each node on one side or the other at random. */
  PARTITION_RANDOM,
  /** In every group a random minority against everyone else. */
  PARTITION_MAJORITY,
  ISOLATE_LEADER,
  BRIDGE,
  ONE_WAY_CUT,
  CRASH_ONE,
  CRASH_MINORITY,
  POWER_LOSS,
  CRASH_LEADER_AFTER_START,
  /** Every node, or a minority, crashes right after a command commits. */
  CRASH_AFTER_COMMIT,
  UNRELIABLE,
  REORDER,
  /** Requests delivered twice, the copy up to 1.6 s late (old requests after newer ones). */
  DUPLICATE,
  CLOG,
  /**
   * While a configuration change is in progress the acting controller is cut off, a second
   * controller must finish the change, then the first returns and must bail out (shardkv1 only).
   */
  CTRLER_CUT;

  /** Whether the kind needs a target with a controller to cut off ({@link #CTRLER_CUT}). */
  public boolean needsController() {
    return this == CTRLER_CUT;
  }

  /** Every kind that any target offers: all but those that need a controller. */
  public static Set<FaultKind> generic() {
    EnumSet<FaultKind> kinds = EnumSet.allOf(FaultKind.class);
    kinds.removeIf(FaultKind::needsController);
    return kinds;
  }

  /** e.g. {@code partition-random}, {@code power-loss}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses a comma-separated list of {@link #cliName()}s ("all" for every kind); throws
   * IllegalArgumentException naming the unknown name and the known ones.
   */
  public static Set<FaultKind> parseList(String list) {
    EnumSet<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
    for (String part : list.split(",")) {
      String name = part.trim();
      if (name.equals("all")) {
        kinds.addAll(EnumSet.allOf(FaultKind.class));
        continue;
      }
      FaultKind found = null;
      for (FaultKind k : values()) {
        if (k.cliName().equals(name)) {
          found = k;
        }
      }
      if (found == null) {
        StringBuilder known = new StringBuilder("all");
        for (FaultKind k : values()) {
          known.append(", ").append(k.cliName());
        }
        throw new IllegalArgumentException(
            "unknown fault kind '" + name + "'; expected one of: " + known);
      }
      kinds.add(found);
    }
    return kinds;
  }
}
