package simlab.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import simlab.nemesis.Schedule;
import simlab.nemesis.Step;
import simlab.workload.WorkloadParams;

/**
 * Delta debugging over a failing run's data: the schedule's steps and the workload's size. A
 * candidate is kept only when it fails with the same property as the original (a different failure
 * is a different bug). Because a run is a pure function of its spec, every candidate's verdict is
 * exact and the result replays.
 *
 * <p>Moves, tried in rounds until a whole round changes nothing or the budget of runs is spent:
 * remove chunks of fault steps (ddmin: halves, then quarters, ... then single steps); merge
 * adjacent steps; halve every duration, then each one; move every step to half its time; reduce the
 * clients, then the operations per client. The final heal is not a step of its own: each candidate
 * gets one when its last fault has ended ({@link Schedule#withFinalHeal()}), so shorter schedules
 * also end sooner.
 */
public final class ScheduleShrinker {
  private final Function<RunSpec, Outcome> runner;
  private final int budget;
  private int runs;

  /** The result: the smallest failing spec found, its outcome and how many runs it took. */
  public record Shrunk(RunSpec spec, Outcome outcome, int runs) {}

  /**
   * @param budget at most this many candidate runs
   */
  public ScheduleShrinker(Function<RunSpec, Outcome> runner, int budget) {
    this.runner = runner;
    this.budget = budget;
  }

  public Shrunk shrink(RunSpec failing, Outcome original) {
    String property = original.property();
    RunSpec best = failing.withSchedule(normalize(faults(failing.schedule())));
    Outcome bestOutcome = original;
    if (!best.equals(failing)) {
      Outcome o = attempt(best);
      if (o == null || !o.fails(property)) {
        best = failing; // the normalized schedule does not fail alike: shrink the original as given
      } else {
        bestOutcome = o;
      }
    }
    boolean progress = true;
    while (progress && runs < budget) {
      progress = false;
      for (RunSpec c : candidates(best)) {
        Outcome o = attempt(c);
        if (o == null) {
          break;
        }
        if (o.fails(property)) {
          best = c;
          bestOutcome = o;
          progress = true;
          break; // restart from the first move on the smaller spec
        }
      }
    }
    return new Shrunk(best, bestOutcome, runs);
  }

  private Outcome attempt(RunSpec c) {
    if (runs >= budget) {
      return null;
    }
    runs++;
    return runner.apply(c);
  }

  /** Candidates from the most to the least aggressive; all strictly smaller than {@code s}. */
  private List<RunSpec> candidates(RunSpec s) {
    List<RunSpec> out = new ArrayList<>();
    List<Step> steps = faults(s.schedule());
    int n = steps.size();
    for (int parts = 2; parts <= Math.max(2, n); parts *= 2) {
      int chunk = Math.max(1, (n + parts - 1) / parts);
      for (int from = 0; from < n; from += chunk) {
        List<Step> rest = new ArrayList<>(steps.subList(0, from));
        rest.addAll(steps.subList(Math.min(n, from + chunk), n));
        out.add(s.withSchedule(normalize(rest)));
      }
      if (chunk == 1) {
        break;
      }
    }
    Schedule plain = new Schedule(steps);
    for (int i = 0; i + 1 < n; i++) {
      if (!(steps.get(i) instanceof Step.Heal)) {
        out.add(s.withSchedule(normalize(faults(plain.withMerged(i)))));
      }
    }
    if (steps.stream().anyMatch(x -> x.forMs() > 1)) {
      out.add(s.withSchedule(normalize(faults(plain.withDurationsScaled(0.5)))));
      for (int i = 0; i < n; i++) {
        Step x = steps.get(i);
        if (x.forMs() > 1) {
          out.add(s.withSchedule(normalize(faults(plain.withStep(i, x.withFor(x.forMs() / 2))))));
        }
      }
    }
    if (steps.stream().anyMatch(x -> x.atMs() > 1)) {
      List<Step> earlier = new ArrayList<>();
      steps.forEach(x -> earlier.add(x.withAt(x.atMs() / 2)));
      out.add(s.withSchedule(normalize(earlier)));
    }
    WorkloadParams p = s.params();
    if (p.clients() > 1) {
      out.add(s.withParams(p.withClients(1)));
      if (p.clients() > 2) {
        out.add(s.withParams(p.withClients(p.clients() - 1)));
      }
    }
    if (p.opsPerClient() > 1) {
      out.add(s.withParams(p.withOps(Math.max(1, p.opsPerClient() / 2))));
      out.add(s.withParams(p.withOps(p.opsPerClient() - 1)));
    }
    out.removeIf(c -> c.equals(s));
    return out;
  }

  /** The steps without trailing heals (the final heal is re-derived). */
  static List<Step> faults(Schedule s) {
    List<Step> steps = new ArrayList<>(s.steps());
    while (!steps.isEmpty() && steps.get(steps.size() - 1) instanceof Step.Heal) {
      steps.remove(steps.size() - 1);
    }
    return steps;
  }

  /** {@code steps} ending with one heal when the last fault has run its course. */
  static Schedule normalize(List<Step> steps) {
    return new Schedule(steps).withFinalHeal();
  }
}
