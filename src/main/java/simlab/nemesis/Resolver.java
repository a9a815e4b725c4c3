package simlab.nemesis;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/** Turns a {@link NodeSet} into node indices at the moment a step is applied. */
final class Resolver {
  private final NemesisTarget target;
  private final Topology topo;

  Resolver(NemesisTarget target) {
    this.target = target;
    this.topo = target.topology();
  }

  /**
   * @param other the nodes of the other side, for {@link NodeSet.Rest}
   * @param r the step's own stream (for "minority")
   */
  List<Integer> resolve(NodeSet set, List<Integer> other, RandomGenerator r) {
    if (set instanceof NodeSet.Ids ids) {
      return ids.ids();
    }
    if (set instanceof NodeSet.All) {
      return ScheduleGenerator.complement(topo.size(), List.of());
    }
    if (set instanceof NodeSet.Rest) {
      return ScheduleGenerator.complement(topo.size(), other);
    }
    if (set instanceof NodeSet.Minority) {
      return minority(topo, r);
    }
    List<Integer> leaders = new ArrayList<>();
    for (int g = 0; g < topo.groups().size(); g++) {
      OptionalInt l = target.leader(g);
      if (l.isPresent()) {
        leaders.add(l.getAsInt());
      }
    }
    return leaders;
  }

  /** In every group, a random floor((size - 1) / 2) of its members. */
  static List<Integer> minority(Topology topo, RandomGenerator r) {
    List<Integer> out = new ArrayList<>();
    for (List<Integer> g : topo.groups()) {
      out.addAll(shuffled(g, r).subList(0, (g.size() - 1) / 2));
    }
    out.sort(null);
    return out;
  }

  /** A Fisher-Yates shuffle of a copy, drawing only from {@code r}. */
  static List<Integer> shuffled(List<Integer> ids, RandomGenerator r) {
    List<Integer> s = new ArrayList<>(ids);
    for (int i = s.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      Integer tmp = s.get(i);
      s.set(i, s.get(j));
      s.set(j, tmp);
    }
    return s;
  }
}
