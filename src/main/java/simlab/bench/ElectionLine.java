package simlab.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of Figure 16: election timeouts uniform in [min, max] ms, heartbeats every min/2; {@code
 * panel} is "top" (varying randomness) or "bottom" (scaling the minimum).
 */
record ElectionLine(String panel, long minMs, long maxMs) {
  String label() {
    return minMs + "-" + maxMs;
  }

  /** The eleven lines of the paper: six on top, five at the bottom (150-300 is in both). */
  static List<ElectionLine> paper() {
    List<ElectionLine> l = new ArrayList<>();
    for (long max : new long[] {150, 151, 155, 175, 200, 300}) {
      l.add(new ElectionLine("top", 150, max));
    }
    for (long[] mm : new long[][] {{12, 24}, {25, 50}, {50, 100}, {100, 200}, {150, 300}}) {
      l.add(new ElectionLine("bottom", mm[0], mm[1]));
    }
    return l;
  }

  /**
   * The lines a {@code --lines} list names, e.g. {@code 150-155,12-24}; a label in both panels
   * (150-300) selects both. Throws IllegalArgumentException naming an unknown label.
   */
  static List<ElectionLine> select(String list) {
    List<ElectionLine> all = paper();
    List<ElectionLine> out = new ArrayList<>();
    for (String part : list.split(",")) {
      String label = part.trim();
      boolean found = false;
      for (ElectionLine e : all) {
        if (e.label().equals(label) && !out.contains(e)) {
          out.add(e);
          found = true;
        }
      }
      if (!found && out.stream().noneMatch(e -> e.label().equals(label))) {
        StringBuilder known = new StringBuilder();
        all.stream()
            .map(ElectionLine::label)
            .distinct()
            .forEach(x -> known.append(known.length() == 0 ? "" : ", ").append(x));
        throw new IllegalArgumentException(
            "--lines: unknown line '" + label + "'; expected some of " + known);
      }
    }
    return out;
  }

  /**
   * What the paper states about this line, or "" (Ongaro and Ousterhout, USENIX ATC 2014, §9.3).
   */
  String paperSays() {
    return switch (label()) {
      case "150-150" -> "consistently over 10 s (split votes)";
      case "150-155" -> "median 287 ms";
      case "150-200" -> "worst of 1000 trials 513 ms";
      case "12-24" -> "mean 35 ms, longest 152 ms";
      default -> "";
    };
  }
}
