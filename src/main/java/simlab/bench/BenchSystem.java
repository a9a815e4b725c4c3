package simlab.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import simlab.nemesis.NemesisTarget;
import simlab.sim.Simulation;

/** A cluster under benchmark: the nemesis target, a way to make clients, and the history check. */
public interface BenchSystem {
  Simulation sim();

  NemesisTarget target();

  /** A fresh client process. */
  BenchClient newClient();

  /** The operation kinds the workload may draw for this system. */
  boolean keyValue();

  /**
   * Writes the history (JSON Lines) to {@code file} and checks it, returning the verdict line
   * printed after {@code linearizability: }.
   */
  String writeAndCheck(List<OpRecord> ops, Path file, long checkTimeoutMs) throws IOException;

  /**
   * End-of-run invariant checks (the Raft invariant monitor's full scan); throws on a violation.
   */
  void finish();
}
