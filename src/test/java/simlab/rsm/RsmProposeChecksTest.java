package simlab.rsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import simlab.sim.Simulation;

/**
 * {@link Rsm#propose}: a service's own background command (shardkv's configuration changes,
 * migrated shards). Added for mutants PIT found surviving: the KV suites never propose, so "only a
 * live leader takes a proposal, and says whether it did" was unchecked.
 */
class RsmProposeChecksTest {
  private static final Duration MS = Duration.ofMillis(1);
  private final Simulation sim = new Simulation(1);

  @Test
  void aLeaderLogsTheProposalAndItIsApplied() {
    RsmTest.Replica r = sim.addNode("s0", ctx -> new RsmTest.Replica(ctx, -1));
    assertTrue(r.rsm.propose(new Counter.Null(1)));
    assertTrue(r.rsm.propose(new Counter.Inc(1, 1)));
    r.raft.commitThrough(2);
    sim.runFor(MS);
    assertEquals(2, r.rsm.lastApplied());
    assertEquals(1, r.counter.value);
  }

  @Test
  void aFollowerRefusesTheProposal() {
    RsmTest.Replica r = sim.addNode("s0", ctx -> new RsmTest.Replica(ctx, -1));
    r.raft.leader = false;
    assertFalse(r.rsm.propose(new Counter.Inc(1, 1)), "a follower said it took a proposal");
  }

  @Test
  void aKilledReplicaRefusesTheProposalAndLogsNothing() {
    RsmTest.Replica r = sim.addNode("s0", ctx -> new RsmTest.Replica(ctx, -1));
    r.rsm.kill();
    assertFalse(r.rsm.propose(new Counter.Inc(1, 1)), "a killed replica took a proposal");
    // Nothing reached the log: the first entry a new leader term writes is still index 1.
    r.raft.leader = true;
    assertEquals(1, r.raft.start(new Counter.Null(0)).index());
  }
}
