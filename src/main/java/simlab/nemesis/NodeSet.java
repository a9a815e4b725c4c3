package simlab.nemesis;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Which nodes a step acts on. Nodes are named by their index in the target's {@link
 * Topology#nodes()} list (0-based), or symbolically; symbolic sets are resolved when the step is
 * applied (see {@link NemesisDriver}), the random ones from a stream derived from the seed and the
 * step's own text, so dropping another step while shrinking does not change this step's draw.
 */
public sealed interface NodeSet {
  /** The text form: {@code [0 2]}, {@code leader}, {@code minority}, {@code all}, {@code rest}. */
  String text();

  /** Explicit node indices, in the order written. */
  record Ids(List<Integer> ids) implements NodeSet {
    public Ids {
      ids = List.copyOf(ids);
      if (ids.stream().anyMatch(i -> i < 0)) {
        throw new IllegalArgumentException("node indices must be >= 0: " + ids);
      }
      if (ids.stream().distinct().count() != ids.size()) {
        throw new IllegalArgumentException("node listed twice: " + ids);
      }
    }

    public static Ids of(Integer... ids) {
      return new Ids(List.of(ids));
    }

    @Override
    public String text() {
      return ids.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
    }
  }

  /** The current leader of every Raft group that has one (none: the step does nothing). */
  record Leader() implements NodeSet {
    @Override
    public String text() {
      return "leader";
    }
  }

  /** In every Raft group, a random minority: floor((size - 1) / 2) of its members. */
  record Minority() implements NodeSet {
    @Override
    public String text() {
      return "minority";
    }
  }

  /** Every node of the target. */
  record All() implements NodeSet {
    @Override
    public String text() {
      return "all";
    }
  }

  /**
   * Every node not on the other side (only as the second side of a partition or a cut's target).
   */
  record Rest() implements NodeSet {
    @Override
    public String text() {
      return "rest";
    }
  }

  NodeSet LEADER = new Leader();
  NodeSet MINORITY = new Minority();
  NodeSet ALL = new All();
  NodeSet REST = new Rest();
}
