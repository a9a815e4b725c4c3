package simlab.kvraft1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.kvraft1.skeleton.SkeletonKvRaft1;
import simlab.raft.ReferenceRaftFactory;
import simlab.rsm.ReferenceRsmFactory;
import simlab.rsm.ReplicatedStateMachine;
import simlab.rsm.RsmErr;
import simlab.rsm.StateMachine;
import simlab.rsm.Submitted;
import simlab.rsm.skeleton.SkeletonRsmFactory;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;

/** The 2025 lab 4 skeletons compile and fail what the suites check. */
class SkeletonsFailTest {
  private static final StateMachine NOTHING =
      new StateMachine() {
        @Override
        public Object doOp(Object command) {
          return "applied";
        }

        @Override
        public byte[] snapshot() {
          return new byte[0];
        }

        @Override
        public void restore(byte[] snapshot) {}
      };

  @Test
  void rsmSkeletonNeverApplies() {
    Simulation sim = new Simulation(1);
    List<String> ids = List.of("a", "b", "c");
    for (int i = 0; i < 3; i++) {
      int me = i;
      sim.addNode(
          ids.get(i),
          ids,
          ctx ->
              new SkeletonRsmFactory().make(ctx, ids, me, new ReferenceRaftFactory(), -1, NOTHING));
    }
    sim.runFor(Duration.ofSeconds(2));
    for (String id : ids) {
      ReplicatedStateMachine rsm = sim.node(id);
      SimFuture<Submitted> f = rsm.submit("x");
      sim.runFor(Duration.ofSeconds(1));
      assertEquals(RsmErr.WRONG_LEADER, f.get().err(), "the skeleton must not apply a command");
    }
  }

  @Test
  void kvraft1SkeletonNeverCompletesAnOperation() {
    System.setProperty("sim.kvraft1", SkeletonKvRaft1.class.getName());
    try {
      Simulation sim = new Simulation(1);
      simlab.harness.KvRaft1Cluster ts = new simlab.harness.KvRaft1Cluster(sim, 3, false, -1);
      var ck = ts.makeClerk();
      var f = ck.ck().put("k", "v", 0);
      sim.runFor(Duration.ofSeconds(5));
      assertFalse(f.isDone(), "the skeleton clerk must not complete a Put");
    } finally {
      System.clearProperty("sim.kvraft1");
    }
  }

  @Test
  void referenceRsmAppliesOnTheSameCluster() {
    Simulation sim = new Simulation(1);
    List<String> ids = List.of("a", "b", "c");
    for (int i = 0; i < 3; i++) {
      int me = i;
      sim.addNode(
          ids.get(i),
          ids,
          ctx ->
              new ReferenceRsmFactory()
                  .make(ctx, ids, me, new ReferenceRaftFactory(), -1, NOTHING));
    }
    sim.runFor(Duration.ofSeconds(2));
    int ok = 0;
    for (String id : ids) {
      ReplicatedStateMachine rsm = sim.node(id);
      SimFuture<Submitted> f = rsm.submit("x");
      sim.runFor(Duration.ofSeconds(1));
      ok += f.isDone() && f.get().err() == RsmErr.OK ? 1 : 0;
    }
    assertEquals(1, ok, "exactly the leader applies (the control for the skeleton test)");
  }
}
