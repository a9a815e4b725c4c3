package simlab.testing;

import java.util.ArrayList;
import java.util.List;
import simlab.sim.Simulation;

/**
 * The seed of one test invocation. Build every simulation of the test through {@link
 * #newSimulation()}, so the seed extension can report its trace hash and export its trace ({@code
 * -Dsim.trace=FILE}).
 */
public final class Seed {
  private final long value;
  private final String testName;
  private final int year;
  private final boolean keepTrace;
  private final List<Simulation> simulations = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  /** Wall-clock creation time (outside any simulation): tells this run's files from older ones. */
  private final long createdMillis = System.currentTimeMillis(); // wall-clock ok

  Seed(long value, String testName, int year, boolean keepTrace) {
    this.value = value;
    this.testName = testName;
    this.year = year;
    this.keepTrace = keepTrace;
  }

  public long value() {
    return value;
  }

  /** The curriculum year of the running test's suite: 2025 for a class tagged "2025-…". */
  public int year() {
    return year;
  }

  /** The 6.5840 name of the running test. */
  public String testName() {
    return testName;
  }

  public Simulation newSimulation() {
    Simulation sim = new Simulation(value, keepTrace);
    simulations.add(sim);
    return sim;
  }

  List<Simulation> simulations() {
    return simulations;
  }

  /** The command that replays this exact run, with every implementation switch that was set. */
  public String replayCommand() {
    return ReplayCommand.format(testName, value, year, ReplayCommand.implValuesFromProperties());
  }

  /**
   * A warning that does not fail the test (6.5840 prints these, e.g. "term changed even though
   * there were no failures"): printed now and reported to grade and replay.
   */
  public void warn(String message) {
    System.out.println("warning: " + message);
    warnings.add(message);
  }

  long createdMillis() {
    return createdMillis;
  }

  List<String> warnings() {
    return warnings;
  }

  @Override
  public String toString() {
    return "seed " + value;
  }
}
