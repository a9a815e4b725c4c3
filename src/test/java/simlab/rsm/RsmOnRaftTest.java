package simlab.rsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import simlab.raft.ReferenceRaftFactory;
import simlab.sim.Killable;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/**
 * The RSM over three reference Raft peers on a reliable network, with the counter state machine:
 * the scenarios of 6.5840 2025's rsm tests (basic, concurrent, leader failure, restart replay), in
 * small.
 */
class RsmOnRaftTest {
  private static final Duration TEN_S = Duration.ofSeconds(10);

  /** One server: the counter under an RSM on a reference Raft peer. */
  static final class Server implements Killable {
    final Counter counter = new Counter();
    final Rsm rsm;

    Server(NodeContext ctx, List<String> ids, int me) {
      rsm = new Rsm(ctx, ids, me, new ReferenceRaftFactory(), 1000, counter, Rsm.Dedup.BY_CLIENT);
    }

    @Override
    public void kill() {
      rsm.kill();
    }
  }

  private static final class Cluster {
    final Simulation sim;
    final List<String> ids = List.of("rsm0", "rsm1", "rsm2");

    Cluster(Simulation sim) {
      this.sim = sim;
      for (int i = 0; i < ids.size(); i++) {
        int me = i;
        sim.addNode(ids.get(i), ids, ctx -> new Server(ctx, ids, me));
      }
    }

    Server server(int i) {
      return sim.node(ids.get(i));
    }

    /** Waits for a live, connected leader and returns its position. */
    int leader() {
      int[] found = {-1};
      assertTrue(
          sim.runUntil(
              () -> {
                for (int i = 0; i < ids.size(); i++) {
                  Server s = server(i);
                  if (s != null
                      && s.rsm.raft().getState().isLeader()
                      && sim.network().linkEnabled(ids.get(i), ids.get((i + 1) % ids.size()))) {
                    found[0] = i;
                    return true;
                  }
                }
                return false;
              },
              TEN_S),
          "no leader within 10 s");
      return found[0];
    }

    /** Submits at the leader until the command is applied there, as a clerk would. */
    Object submitUntilApplied(Object command) {
      for (int attempt = 0; attempt < 20; attempt++) {
        Optional<Submitted> s = sim.await(server(leader()).rsm.submit(command), TEN_S);
        if (s.isPresent() && s.get().err() == RsmErr.OK) {
          return s.get().result();
        }
      }
      throw new AssertionError("not applied after 20 attempts: " + command);
    }

    boolean allReach(long value) {
      return sim.runUntil(
          () -> {
            for (int i = 0; i < ids.size(); i++) {
              if (server(i) == null || server(i).counter.value != value) {
                return false;
              }
            }
            return true;
          },
          TEN_S);
    }
  }

  @SimTest
  void sequentialIncrementsReturnOneToTen(Seed seed) {
    Cluster c = new Cluster(seed.newSimulation());
    for (long k = 1; k <= 10; k++) {
      assertEquals(k, c.submitUntilApplied(new Counter.Inc(1, k)));
    }
    assertTrue(c.allReach(10), "not every replica applied all 10");
  }

  @SimTest
  void concurrentIncrementsAllApplyOnce(Seed seed) {
    Cluster c = new Cluster(seed.newSimulation());
    Rsm rsm = c.server(c.leader()).rsm;
    List<SimFuture<Submitted>> fs = new ArrayList<>();
    for (long client = 0; client < 50; client++) {
      fs.add(rsm.submit(new Counter.Inc(client, 1)));
      fs.add(rsm.submit(new Counter.Inc(client, 1))); // every one sent twice
    }
    assertTrue(
        c.sim.runUntil(() -> fs.stream().allMatch(SimFuture::isDone), TEN_S),
        "submits still waiting");
    assertTrue(
        fs.stream().allMatch(f -> f.get().err() == RsmErr.OK),
        "a submit failed on a healthy cluster");
    assertTrue(c.allReach(50), "50 distinct writes, each sent twice, must count 50");
  }

  @SimTest
  void aPartitionedLeaderAnswersAndTheMajorityMovesOn(Seed seed) {
    Cluster c = new Cluster(seed.newSimulation());
    assertEquals(1L, c.submitUntilApplied(new Counter.Inc(1, 1)));
    int old = c.leader();
    c.sim.network().isolate(c.ids.get(old));
    SimFuture<Submitted> stuck = c.server(old).rsm.submit(new Counter.Inc(2, 1));
    Optional<Submitted> answer = c.sim.await(stuck, Rsm.COMMIT_TIMEOUT.plus(Rsm.LEADERSHIP_POLL));
    assertTrue(answer.isPresent(), "a cut-off leader must answer within the timeout and one poll");
    assertNotEquals(RsmErr.OK, answer.get().err());
    assertEquals(
        2L, c.submitUntilApplied(new Counter.Inc(3, 1)), "the majority side must make progress");
    assertNotEquals(old, c.leader());
    c.sim.network().healAll();
    // Client 2's write may have been lost with the old leader's log: retrying it counts it once.
    assertEquals(3L, c.submitUntilApplied(new Counter.Inc(2, 1)));
    assertTrue(c.allReach(3), "the old leader did not catch up");
  }

  @SimTest
  void restartedServersReplayTheirLogAndSnapshots(Seed seed) {
    Cluster c = new Cluster(seed.newSimulation());
    for (long k = 1; k <= 100; k++) {
      c.submitUntilApplied(new Counter.Inc(1, k));
    }
    assertTrue(c.allReach(100));
    for (String id : c.ids) {
      c.sim.restart(id);
    }
    assertEquals(101L, c.submitUntilApplied(new Counter.Inc(1, 101)));
    assertEquals(
        101L,
        c.submitUntilApplied(new Counter.Inc(1, 101)),
        "a retry after restart must not apply again");
    assertTrue(c.allReach(101));
    assertTrue(
        c.sim.persister(c.ids.get(0)).snapshotSize() > 0,
        "maxRaftState 1000 should have produced a snapshot");
  }
}
