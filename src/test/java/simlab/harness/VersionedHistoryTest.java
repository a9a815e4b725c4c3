package simlab.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetResult;
import simlab.kvsrv1.VersionedClerk;
import simlab.linearizability.Operation;
import simlab.linearizability.format.KvJsonLinesFormat;
import simlab.linearizability.model.VersionedInput;
import simlab.linearizability.model.VersionedOutput;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;

/** The recorder of VersionedClerk operations and its check. */
class VersionedHistoryTest {
  /** A clerk answering from fixed replies after 1 ms, or never (for "stuck"). */
  private static VersionedClerk scripted(Simulation sim, Err putAnswer, String getValue) {
    return new VersionedClerk() {
      @Override
      public SimFuture<GetResult> get(String key) {
        SimFuture<GetResult> f = new SimFuture<>();
        sim.schedule(Duration.ofMillis(1), () -> f.complete(GetResult.found(getValue, 1)));
        return f;
      }

      @Override
      public SimFuture<Err> put(String key, String value, long version) {
        SimFuture<Err> f = new SimFuture<>();
        if (putAnswer != null) {
          sim.schedule(Duration.ofMillis(1), () -> f.complete(putAnswer));
        }
        return f;
      }
    };
  }

  @Test
  void recordsCallsAndReturnsInVirtualTimeAndKeepsAStuckPutAsMaybe() {
    Simulation sim = new Simulation(1);
    VersionedHistory h = new VersionedHistory(sim);
    VersionedClerk ok = h.recording(0, "clerk-0", scripted(sim, Err.OK, "a"));
    VersionedClerk stuck = h.recording(1, "clerk-1", scripted(sim, null, "a"));
    sim.await(ok.put("k", "a", 0), Duration.ofSeconds(1));
    sim.await(ok.get("k"), Duration.ofSeconds(1));
    stuck.put("k", "b", 1);
    stuck.get("k"); // answered: completes
    sim.runFor(Duration.ofMillis(5));
    List<Operation<VersionedInput, VersionedOutput>> ops = h.operations();
    assertEquals(4, ops.size());
    assertEquals(VersionedOutput.of(Err.OK), ops.get(0).output());
    assertEquals(1_000_000, ops.get(0).ret() - ops.get(0).call());
    Operation<VersionedInput, VersionedOutput> never =
        ops.stream()
            .filter(o -> o.ret() == KvJsonLinesFormat.NEVER_RETURNED)
            .findFirst()
            .orElseThrow();
    assertEquals(Err.ErrMaybe, never.output().err());
    h.check("VersionedHistoryTest", 1);
  }

  @Test
  void aHistoryTheModelRejectsFailsWithThePathOfItsPicture() {
    Simulation sim = new Simulation(1);
    VersionedHistory h = new VersionedHistory(sim);
    // The Put applied, yet a later Get returns the old value.
    VersionedClerk ck = h.recording(0, "clerk-0", scripted(sim, Err.OK, ""));
    sim.await(ck.put("k", "a", 0), Duration.ofSeconds(1));
    // A call at the very nanosecond the Put returned would count as concurrent with it.
    sim.runFor(Duration.ofMillis(1));
    sim.await(ck.get("k"), Duration.ofSeconds(1));
    AssertionError e =
        assertThrows(AssertionError.class, () -> h.check("VersionedHistoryTestBad", 1));
    assertTrue(
        e.getMessage().startsWith("history is not linearizable (2 operations)"), e.getMessage());
    assertTrue(e.getMessage().contains("VersionedHistoryTestBad-seed1.html"), e.getMessage());
  }
}
