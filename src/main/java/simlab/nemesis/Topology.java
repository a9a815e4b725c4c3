package simlab.nemesis;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The shape of a target as the nemesis sees it: its fault-domain nodes (steps name them by index
 * into {@link #nodes()}) and how they form Raft groups (each a list of indices). A Raft or KV
 * cluster is one group; a sharded KV world is the controller plus each replica group. "Majority",
 * "minority" and "leader" are meant per group.
 */
public record Topology(List<String> nodes, List<List<Integer>> groups) {
  public Topology {
    nodes = List.copyOf(nodes);
    List<List<Integer>> g = new ArrayList<>();
    for (List<Integer> group : groups) {
      g.add(List.copyOf(group));
    }
    groups = List.copyOf(g);
  }

  /** One Raft group of all the nodes. */
  public static Topology oneGroup(List<String> nodes) {
    return new Topology(nodes, List.of(IntStream.range(0, nodes.size()).boxed().toList()));
  }

  public int size() {
    return nodes.size();
  }
}
