package simlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import simlab.nemesis.NodeSet;
import simlab.nemesis.Schedule;
import simlab.nemesis.Step;
import simlab.sim.SeedStreams;

/**
 * The benchmark's fault schedules, Jepsen-style: with interval I, a fault starts at I, 3I, 5I, ...
 * and lasts I, so faults and quiet periods alternate over the run, and a heal follows the last
 * fault; a fault that would end at or after the end of the run is left out, so every heal has
 * operations after it to recover. They are ordinary {@link Schedule}s, applied by the {@link
 * simlab.nemesis.NemesisDriver} like the explorer's.
 */
public final class Nemeses {
  /** The {@code --nemesis} choices. */
  public enum Kind {
    /** No faults. */
    NONE,
    /** In every Raft group a random minority is cut off from the rest. */
    PARTITION,
    /** The current leader of every group loses every link. */
    LEADER,
    /** A random minority of every group crashes and restarts from its persisted state. */
    CRASH,
    /** Each fault drawn from the three above plus labrpc's unreliable network. */
    MIXED;

    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind parse(String s) {
      for (Kind k : values()) {
        if (k.cliName().equals(s)) {
          return k;
        }
      }
      throw new IllegalArgumentException(
          "expected none, partition, leader, crash or mixed, got '" + s + "'");
    }
  }

  private Nemeses() {}

  /**
   * The schedule of {@code kind} over a run of {@code durationMs}; mixed draws from stream {@code
   * bench:nemesis}.
   */
  public static Schedule schedule(Kind kind, long intervalMs, long durationMs, long seed) {
    if (intervalMs < 1) {
      throw new IllegalArgumentException("the nemesis interval must be >= 1 ms, got " + intervalMs);
    }
    List<Step> steps = new ArrayList<>();
    if (kind == Kind.NONE) {
      return new Schedule(steps);
    }
    RandomGenerator r = new SeedStreams(seed).stream("bench:nemesis");
    long end = 0;
    for (long at = intervalMs; at + intervalMs < durationMs; at += 2 * intervalMs) {
      Kind k = kind == Kind.MIXED ? Kind.values()[1 + r.nextInt(4)] : kind;
      steps.add(
          switch (k) {
            case PARTITION -> new Step.Partition(at, NodeSet.MINORITY, NodeSet.REST, intervalMs);
            case LEADER -> new Step.Isolate(at, NodeSet.LEADER, intervalMs);
            case CRASH -> new Step.Crash(at, NodeSet.MINORITY, intervalMs);
            case MIXED -> new Step.Unreliable(at, intervalMs);
            case NONE -> throw new AssertionError("unreachable");
          });
      end = at + intervalMs;
    }
    if (!steps.isEmpty()) {
      steps.add(new Step.Heal(end));
    }
    return new Schedule(steps);
  }

  /**
   * The shaded bands: each fault's [start, end) in ns since the run started (the heal ends none
   * early here).
   */
  public static List<FaultWindow> windows(Schedule s) {
    List<FaultWindow> w = new ArrayList<>();
    for (Step step : s.steps()) {
      if (!(step instanceof Step.Heal)) {
        w.add(new FaultWindow(step.atMs() * 1_000_000L, step.endMs() * 1_000_000L, step.text()));
      }
    }
    return w;
  }
}
