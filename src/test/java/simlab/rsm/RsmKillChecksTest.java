package simlab.rsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.raft.ReferenceRaftFactory;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;

/**
 * What {@link Rsm#kill} must stop. Added for mutants PIT found surviving: in a simulation a crash
 * already drops every later event of the node, so the suites cannot tell whether kill stops the
 * Raft peer or whether a killed RSM would still apply. Both are observable without a crash event: a
 * killed replica's Raft peer stays reachable through the public {@code raft()} and must say it no
 * longer leads ({@code getState()}), and a Raft that still hands over an entry after kill (any
 * implementation plugged in with {@code --impl}) must not change the state machine of a replica
 * that has shut down.
 */
class RsmKillChecksTest {
  private static final Duration MS = Duration.ofMillis(1);
  private final Simulation sim = new Simulation(1);

  @Test
  void killStopsTheRaftPeer() {
    Rsm rsm =
        sim.addNode(
            "s0",
            ctx ->
                new Rsm(
                    ctx,
                    List.of("s0"),
                    0,
                    new ReferenceRaftFactory(),
                    -1,
                    new Counter(),
                    Rsm.Dedup.BY_CLIENT));
    assertTrue(
        sim.runUntil(() -> rsm.raft().getState().isLeader(), Duration.ofSeconds(5)),
        "a one-peer cluster elects itself");
    rsm.kill();
    assertFalse(rsm.raft().getState().isLeader(), "a killed replica's Raft still claims to lead");
    assertFalse(rsm.raft().start("x").isLeader(), "a killed replica's Raft still takes commands");
  }

  @Test
  void aKilledReplicaAppliesNothing() {
    RsmTest.Replica r = sim.addNode("s0", ctx -> new RsmTest.Replica(ctx, -1));
    SimFuture<Submitted> f = r.rsm.submit(new Counter.Inc(1, 1));
    r.rsm.kill(); // the node itself stays up: only the RSM shuts down
    assertEquals(RsmErr.WRONG_LEADER, f.get().err());
    r.raft.commitThrough(1); // a Raft that keeps applying after kill
    sim.runFor(MS);
    assertEquals(0, r.counter.doOps, "a killed replica applied a command");
    assertEquals(0, r.rsm.lastApplied());
  }
}
