package simlab.nemesis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A fault schedule: an immutable list of {@link Step}s, ordered by time (a stable sort, so steps at
 * the same instant keep the order they were given in). Equality is by value, so a shrinker can tell
 * candidates apart and a round trip through the text format can be checked with {@code equals}. The
 * transformations below are the moves of a shrinker.
 */
public record Schedule(List<Step> steps) {
  public Schedule {
    List<Step> sorted = new ArrayList<>(steps);
    sorted.sort(Comparator.comparingLong(Step::atMs));
    steps = List.copyOf(sorted);
  }

  public static Schedule of(Step... steps) {
    return new Schedule(List.of(steps));
  }

  public int size() {
    return steps.size();
  }

  public Step step(int i) {
    return steps.get(i);
  }

  /** This schedule without step {@code i}. */
  public Schedule withoutStep(int i) {
    return withoutSteps(i, i + 1);
  }

  /**
   * This schedule without steps {@code from} (inclusive) to {@code to} (exclusive): delta
   * debugging's chunk removal.
   */
  public Schedule withoutSteps(int from, int to) {
    if (from < 0 || to > steps.size() || from > to) {
      throw new IndexOutOfBoundsException("steps " + from + ".." + to + " of " + steps.size());
    }
    List<Step> rest = new ArrayList<>(steps.subList(0, from));
    rest.addAll(steps.subList(to, steps.size()));
    return new Schedule(rest);
  }

  /** This schedule with step {@code i} replaced (e.g. by a shorter or a merged one). */
  public Schedule withStep(int i, Step replacement) {
    List<Step> copy = new ArrayList<>(steps);
    copy.set(i, replacement);
    return new Schedule(copy);
  }

  /**
   * Steps {@code i} and {@code i + 1} merged into step {@code i} stretched to cover both: it keeps
   * i's kind and start and lasts until the later of the two ends. Fails for a heal.
   */
  public Schedule withMerged(int i) {
    Step a = steps.get(i);
    Step b = steps.get(i + 1);
    if (a instanceof Step.Heal) {
      throw new IllegalArgumentException("a heal has no duration to stretch");
    }
    long end = Math.max(a.endMs(), b.endMs());
    List<Step> copy = new ArrayList<>(steps);
    copy.set(i, a.withFor(end - a.atMs()));
    copy.remove(i + 1);
    return new Schedule(copy);
  }

  /**
   * Every fault's duration multiplied by {@code factor} (rounded, at least 1 ms); times unchanged.
   */
  public Schedule withDurationsScaled(double factor) {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("scale factor must be > 0, got " + factor);
    }
    List<Step> copy = new ArrayList<>();
    for (Step s : steps) {
      copy.add(s instanceof Step.Heal ? s : s.withFor(Math.max(1, Math.round(s.forMs() * factor))));
    }
    return new Schedule(copy);
  }

  /** The instant the last fault ends (its own undo or the last heal), in ms. */
  public long endMs() {
    long end = 0;
    for (Step s : steps) {
      end = Math.max(end, s.endMs());
    }
    return end;
  }

  /** Whether the last step heals everything (the explorer's liveness checks start there). */
  public boolean endsWithHeal() {
    return !steps.isEmpty() && steps.get(steps.size() - 1) instanceof Step.Heal;
  }

  /** This schedule followed by a heal at {@link #endMs()}, unless it already ends with one. */
  public Schedule withFinalHeal() {
    if (endsWithHeal() && steps.get(steps.size() - 1).atMs() >= endMs()) {
      return this;
    }
    List<Step> copy = new ArrayList<>(steps);
    copy.add(new Step.Heal(endMs()));
    return new Schedule(copy);
  }

  /**
   * Checks that every explicit node index exists in {@code topology}; throws
   * IllegalArgumentException naming the step (1-based, as in the text) otherwise.
   */
  public void validate(Topology topology) {
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      for (int id : explicitIds(s)) {
        if (id >= topology.size()) {
          throw new IllegalArgumentException(
              "step "
                  + (i + 1)
                  + " ("
                  + s.text()
                  + "): node "
                  + id
                  + " does not exist; the target has nodes 0.."
                  + (topology.size() - 1));
        }
      }
    }
  }

  private static List<Integer> explicitIds(Step s) {
    List<Integer> ids = new ArrayList<>();
    List<NodeSet> sets = List.of();
    if (s instanceof Step.Partition p) {
      sets = List.of(p.side(), p.other());
    } else if (s instanceof Step.Isolate p) {
      sets = List.of(p.nodes());
    } else if (s instanceof Step.Cut p) {
      sets = List.of(p.from(), p.to());
    } else if (s instanceof Step.Crash p) {
      sets = List.of(p.nodes());
    } else if (s instanceof Step.Clog p) {
      sets = List.of(p.nodes());
    } else if (s instanceof Step.Bridge b) {
      sets =
          List.of(new NodeSet.Ids(b.left()), new NodeSet.Ids(b.via()), new NodeSet.Ids(b.right()));
    }
    for (NodeSet set : sets) {
      if (set instanceof NodeSet.Ids x) {
        ids.addAll(x.ids());
      }
    }
    return ids;
  }

  /** The text format, one step per line. */
  @Override
  public String toString() {
    return ScheduleFormat.print(this);
  }
}
