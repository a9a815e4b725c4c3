package simlab.explore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import simlab.nemesis.NemesisDriver;
import simlab.nemesis.NemesisTarget;
import simlab.nemesis.Schedule;
import simlab.report.RunReport;
import simlab.sim.Simulation;
import simlab.sim.SimulationFailure;
import simlab.workload.Workload;

/**
 * One explorer run: a fresh simulation of {@link RunSpec#seed()}, the workload and the nemesis
 * started together, then the checks, in this order, each naming its property:
 *
 * <ol>
 *   <li>safety, throughout: the Raft invariant monitor of every Raft group after every event (and a
 *       full scan at the end), plus for Raft {@link CommittedInLaterLeaders};
 *   <li>liveness: the schedule ends with a heal (one is added if a file lacks it); within {@link
 *       #LEADER_WITHIN} of it every Raft group has a leader, and within {@link #PENDING_WITHIN}
 *       every client operation issued before it has completed; then the clients finish their
 *       remaining operations within {@link #FINISH_WITHIN};
 *   <li>linearizability of the recorded client history (KV, shardkv); UNKNOWN is its own outcome;
 *   <li>durability: every node crashes at one instant and restarts; within {@link #LEADER_WITHIN}
 *       every group has a leader again, and every acknowledged write must still be there (see each
 *       system's {@code checkDurability}).
 * </ol>
 *
 * Everything depends on the spec alone, so a spec always gives the same outcome and trace hash.
 */
public final class ExploreRun {
  public static final Duration LEADER_WITHIN = Duration.ofSeconds(5);
  public static final Duration PENDING_WITHIN = Duration.ofSeconds(10);
  public static final Duration FINISH_WITHIN = Duration.ofSeconds(120);

  private ExploreRun() {}

  /**
   * Runs {@code spec}; {@code log} (may be null) receives the nemesis's lines as they are applied.
   */
  public static Outcome run(RunSpec spec, Consumer<String> log) {
    return run(new Simulation(spec.seed()), spec, log);
  }

  /**
   * Runs {@code spec} keeping its trace, and writes its run report (the HTML timeline a failing
   * graded test writes) to {@code dir/index.html}. Keeping the trace changes nothing in the run:
   * the outcome and trace hash are those of {@link #run(RunSpec, Consumer)}.
   */
  public static Reported runWithReport(
      RunSpec spec, Consumer<String> log, Path dir, String title, String replayCommand) {
    Simulation sim = new Simulation(spec.seed(), true);
    Outcome o = run(sim, spec, log);
    RunReport.Info info =
        new RunReport.Info(
            title,
            spec.seed(),
            o.result() == Outcome.Result.PASS,
            o.result() == Outcome.Result.PASS ? null : o.property() + ": " + o.detail(),
            replayCommand,
            o.traceHash(),
            null);
    return new Reported(o, RunReport.write(sim, info, dir).file());
  }

  /** An outcome and where its run report was written. */
  public record Reported(Outcome outcome, Path report) {}

  private static Outcome run(Simulation sim, RunSpec spec, Consumer<String> log) {
    try {
      return phases(sim, spec, log);
    } catch (PropertyFailure f) {
      return Outcome.fail(f.property(), f.getMessage(), sim.trace().hashHex());
    } catch (SimulationFailure f) {
      return Outcome.fail(PropertyNames.of(f), f.getMessage(), sim.trace().hashHex());
    } catch (AssertionError | RuntimeException e) {
      // A harness assertion outside node code (e.g. the controller never answering a join).
      return Outcome.fail(
          PropertyNames.HARNESS_CHECK,
          e.getClass().getSimpleName() + ": " + e.getMessage(),
          sim.trace().hashHex());
    }
  }

  private static Outcome phases(Simulation sim, RunSpec spec, Consumer<String> log) {
    SystemRun run = SystemRun.create(sim, spec);
    run.setUp();
    Schedule schedule = spec.schedule().withFinalHeal();
    NemesisTarget target = run.target();
    NemesisDriver driver = new NemesisDriver(target, schedule, log);
    Workload w = run.workload();
    w.start();
    driver.start();
    if (!sim.runUntil(driver::finished, Duration.ofMillis(schedule.endMs() + 1))) {
      throw new IllegalStateException(
          "the nemesis did not finish its schedule by " + schedule.endMs() + " ms");
    }
    awaitLeaders(sim, target, "the final heal");
    int[] issued = w.issuedPerClient();
    if (!sim.runUntil(() -> caughtUp(w, issued), PENDING_WITHIN)) {
      throw new PropertyFailure(
          PropertyNames.LIVENESS,
          "client operations pending at the final heal did not "
              + "complete within "
              + PENDING_WITHIN.toSeconds()
              + " s of virtual time: issued per client "
              + Arrays.toString(issued)
              + ", completed "
              + Arrays.toString(w.completedPerClient()));
    }
    if (!sim.runUntil(w::finished, FINISH_WITHIN)) {
      throw new PropertyFailure(
          PropertyNames.LIVENESS,
          "the clients did not finish within "
              + FINISH_WITHIN.toSeconds()
              + " s of virtual time after the final heal; still pending: "
              + w.pending());
    }
    run.fullCheck();
    Outcome lin = run.checkHistory(PropertyNames.LINEARIZABILITY, "the clients' history");
    if (lin != null) {
      return lin;
    }
    if (!run.durable()) {
      return Outcome.pass(sim.trace().hashHex());
    }
    if (run instanceof RaftRun r) {
      r.trackFromHere();
    }
    powerLoss(target);
    awaitLeaders(sim, target, "the final restart of every node");
    Outcome durable = run.checkDurability();
    if (durable != null) {
      return durable;
    }
    run.fullCheck();
    return Outcome.pass(sim.trace().hashHex());
  }

  private static boolean caughtUp(Workload w, int[] issued) {
    int[] done = w.completedPerClient();
    for (int c = 0; c < issued.length; c++) {
      if (done[c] < issued[c]) {
        return false;
      }
    }
    return true;
  }

  /** Every node down at one instant, then every node up again. */
  private static void powerLoss(NemesisTarget target) {
    int n = target.topology().size();
    for (int i = 0; i < n; i++) {
      if (target.isAlive(i)) {
        target.crash(i);
      }
    }
    for (int i = 0; i < n; i++) {
      target.restart(i);
    }
  }

  private static void awaitLeaders(Simulation sim, NemesisTarget target, String after) {
    int groups = target.topology().groups().size();
    boolean ok =
        sim.runUntil(
            () -> {
              for (int g = 0; g < groups; g++) {
                if (target.leader(g).isEmpty()) {
                  return false;
                }
              }
              return true;
            },
            LEADER_WITHIN);
    if (!ok) {
      List<Integer> without = new ArrayList<>();
      for (int g = 0; g < groups; g++) {
        if (target.leader(g).isEmpty()) {
          without.add(g);
        }
      }
      throw new PropertyFailure(
          PropertyNames.LIVENESS,
          "no leader within "
              + LEADER_WITHIN.toSeconds()
              + " s of virtual time after "
              + after
              + (groups > 1 ? " in Raft group(s) " + without + " (0 = controller)" : ""));
    }
  }
}
