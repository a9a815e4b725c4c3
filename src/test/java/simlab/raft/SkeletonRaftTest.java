package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import simlab.harness.Implementations;
import simlab.harness.RaftCluster;
import simlab.raft.skeleton.SkeletonRaftFactory;
import simlab.sim.Simulation;
import simlab.sim.SimulationFailure;

/**
 * The student skeleton, selected with -Dsim.raft exactly as a student's class would be, fails
 * TestInitialElection3A's scenario: proof that the switch works and the suite can fail.
 */
class SkeletonRaftTest {

  @Test
  void skeletonFailsInitialElection() {
    String before = System.getProperty("sim.raft");
    System.setProperty("sim.raft", SkeletonRaftFactory.class.getName());
    try {
      assertInstanceOf(
          SkeletonRaftFactory.class,
          Implementations.load(RaftFactory.class, "sim.raft", new ReferenceRaftFactory()));
      RaftCluster cfg = RaftCluster.create(new Simulation(1), 3, true, false);
      cfg.begin("Test (3A): initial election");
      SimulationFailure f = assertThrows(SimulationFailure.class, cfg::checkOneLeader);
      assertTrue(f.getMessage().startsWith("expected one leader, got none"), f.getMessage());
    } finally {
      if (before == null) {
        System.clearProperty("sim.raft");
      } else {
        System.setProperty("sim.raft", before);
      }
    }
  }
}
