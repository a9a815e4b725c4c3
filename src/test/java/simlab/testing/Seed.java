package simlab.testing;

import java.util.ArrayList;
import java.util.List;
import simlab.sim.Simulation;

/**
 * The seed of one test invocation. Build every simulation of the test through
 * {@link #newSimulation()}, so the seed extension can report its trace hash and export its
 * trace ({@code -Dsim.trace=FILE}).
 */
public final class Seed {
  private final long value;
  private final String testName;
  private final boolean keepTrace;
  private final List<Simulation> simulations = new ArrayList<>();

  Seed(long value, String testName, boolean keepTrace) {
    this.value = value;
    this.testName = testName;
    this.keepTrace = keepTrace;
  }

  public long value() {
    return value;
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

  /** The command that replays this exact run. */
  public String replayCommand() {
    StringBuilder cmd = new StringBuilder("test-scripts/replay " + testName + " --seed " + value);
    String impl = System.getProperty("sim.impl");
    if (impl != null && !impl.isBlank()) {
      cmd.append(" --impl ").append(impl);
    }
    for (String key : IMPLEMENTATION_KEYS) {
      String v = System.getProperty(key);
      if (v != null && !v.isBlank()) {
        cmd.insert(0, "JAVA_TOOL_OPTIONS=-D" + key + "=" + v + " ");
      }
    }
    return cmd.toString();
  }

  /** The per-lab implementation switches (see simlab.harness.Implementations). */
  private static final java.util.List<String> IMPLEMENTATION_KEYS =
      java.util.List.of("sim.raft", "sim.kv", "sim.kvsrv", "sim.shardctrler", "sim.shardkv");

  @Override
  public String toString() {
    return "seed " + value;
  }
}
