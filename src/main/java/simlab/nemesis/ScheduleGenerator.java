package simlab.nemesis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import simlab.sim.SeedStreams;

/**
 * Draws a schedule from a seed. Every draw comes from the named stream {@value #STREAM} of the seed
 * (swarm choices from {@value #SWARM_STREAM}), so the same seed, topology and config always give
 * the same schedule, and the schedule does not depend on anything that happens in the run.
 *
 * <p>Node choices that need no run-time knowledge (random sides, a random node, a bridge) are made
 * here and written as explicit indices; those that do ("leader", and "minority" for crashes) stay
 * symbolic and are resolved when applied. The last step is always a heal, placed when the last
 * fault has run its course.
 */
public final class ScheduleGenerator {
  public static final String STREAM = "nemesis-schedule";
  public static final String SWARM_STREAM = "nemesis-swarm";

  private ScheduleGenerator() {}

  public static Schedule generate(long seed, Topology topology, GeneratorConfig config) {
    RandomGenerator r = new SeedStreams(seed).stream(STREAM);
    int count = config.minFaults() + r.nextInt(config.maxFaults() - config.minFaults() + 1);
    List<Step> steps = new ArrayList<>();
    long t = 0;
    long end = 0;
    for (int i = 0; i < count; i++) {
      t += 1 + r.nextLong(2 * config.meanGapMs());
      long d = config.minForMs() + r.nextLong(config.maxForMs() - config.minForMs() + 1);
      Step s = make(pick(r, config.weights()), t, d, topology, r);
      steps.add(s);
      end = Math.max(end, s.endMs());
    }
    steps.add(new Step.Heal(end));
    return new Schedule(steps);
  }

  /**
   * Swarm testing (Groce et al.): the seed first picks its own configuration from {@code base} (see
   * {@link #swarmConfig}), then a schedule under it.
   */
  public static Schedule swarm(long seed, Topology topology, GeneratorConfig base) {
    return generate(seed, topology, swarmConfig(seed, base));
  }

  /**
   * Each kind of {@code base} is kept with probability 1/2 (at least one is kept) at a weight of 1
   * to 4; the mean gap and the durations are scaled by 1/2, 1 or 2.
   */
  public static GeneratorConfig swarmConfig(long seed, GeneratorConfig base) {
    RandomGenerator r = new SeedStreams(seed).stream(SWARM_STREAM);
    List<FaultKind> offered = new ArrayList<>(base.weights().keySet());
    Map<FaultKind, Integer> w = new EnumMap<>(FaultKind.class);
    for (FaultKind k : offered) {
      if (r.nextBoolean()) {
        w.put(k, 1 + r.nextInt(4));
      }
    }
    if (w.isEmpty()) {
      w.put(offered.get(r.nextInt(offered.size())), 1);
    }
    double[] scales = {0.5, 1, 2};
    double gap = scales[r.nextInt(3)];
    double dur = scales[r.nextInt(3)];
    long minFor = Math.max(1, Math.round(base.minForMs() * dur));
    long maxFor = Math.max(minFor, Math.round(base.maxForMs() * dur));
    return new GeneratorConfig(
        w,
        base.minFaults(),
        base.maxFaults(),
        Math.max(1, Math.round(base.meanGapMs() * gap)),
        minFor,
        maxFor);
  }

  private static FaultKind pick(RandomGenerator r, Map<FaultKind, Integer> weights) {
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    int x = r.nextInt(total);
    for (Map.Entry<FaultKind, Integer> e : weights.entrySet()) {
      x -= e.getValue();
      if (x < 0) {
        return e.getKey();
      }
    }
    throw new AssertionError("unreachable: weights sum to " + total);
  }

  private static Step make(FaultKind kind, long at, long d, Topology topo, RandomGenerator r) {
    int n = topo.size();
    return switch (kind) {
      case PARTITION_RANDOM -> {
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          (r.nextBoolean() ? a : b).add(i);
        }
        if (n >= 2 && (a.isEmpty() || b.isEmpty())) {
          List<Integer> from = a.isEmpty() ? b : a;
          (a.isEmpty() ? a : b).add(from.remove(r.nextInt(from.size())));
        }
        yield new Step.Partition(at, new NodeSet.Ids(sorted(a)), new NodeSet.Ids(sorted(b)), d);
      }
      case PARTITION_MAJORITY -> {
        List<Integer> minority = Resolver.minority(topo, r);
        List<Integer> rest = complement(n, minority);
        yield new Step.Partition(at, new NodeSet.Ids(sorted(minority)), new NodeSet.Ids(rest), d);
      }
      case ISOLATE_LEADER -> new Step.Isolate(at, NodeSet.LEADER, d);
      case BRIDGE -> {
        List<Integer> left = new ArrayList<>();
        List<Integer> via = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        for (List<Integer> g : topo.groups()) {
          List<Integer> members = Resolver.shuffled(g, r);
          via.add(members.get(0));
          int half = (members.size() - 1) / 2;
          left.addAll(members.subList(1, 1 + half));
          right.addAll(members.subList(1 + half, members.size()));
        }
        yield new Step.Bridge(at, sorted(left), sorted(via), sorted(right), d);
      }
      case ONE_WAY_CUT -> {
        if (r.nextBoolean()) {
          yield new Step.Cut(at, NodeSet.LEADER, NodeSet.REST, d);
        }
        List<Integer> g = topo.groups().get(r.nextInt(topo.groups().size()));
        List<Integer> two = Resolver.shuffled(g, r);
        yield new Step.Cut(
            at, NodeSet.Ids.of(two.get(0)), NodeSet.Ids.of(two.get(two.size() > 1 ? 1 : 0)), d);
      }
      case CRASH_ONE -> new Step.Crash(at, NodeSet.Ids.of(r.nextInt(n)), d);
      case CRASH_MINORITY -> new Step.Crash(at, NodeSet.MINORITY, d);
      case POWER_LOSS -> new Step.Crash(at, NodeSet.ALL, d);
      case CRASH_LEADER_AFTER_START -> new Step.CrashLeaderAfterStart(at, d);
      case CRASH_AFTER_COMMIT ->
          new Step.CrashAfterCommit(at, r.nextBoolean() ? NodeSet.ALL : NodeSet.MINORITY, d);
      case UNRELIABLE -> new Step.Unreliable(at, d);
      case REORDER -> new Step.Reorder(at, d);
      case DUPLICATE -> new Step.Duplicate(at, d);
      case CLOG ->
          r.nextBoolean()
              ? new Step.Clog(at, NodeSet.LEADER, d)
              : new Step.Clog(at, NodeSet.Ids.of(r.nextInt(n)), d);
      case CTRLER_CUT -> new Step.CtrlerCut(at, Step.CtrlerCut.MIN_GENERATED_MS + d);
    };
  }

  private static List<Integer> sorted(List<Integer> ids) {
    List<Integer> s = new ArrayList<>(ids);
    s.sort(null);
    return s;
  }

  static List<Integer> complement(int n, List<Integer> ids) {
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!ids.contains(i)) {
        rest.add(i);
      }
    }
    return rest;
  }
}
