package simlab.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Tag;
import simlab.raft.RaftIntrospection;
import simlab.raft.ReferenceRaftFactory;
import simlab.sim.Network;
import simlab.sim.Simulation;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/** Each step kind has the effect it promises, observed on a 5-server Raft cluster (reference). */
@Tag("nemesis")
class NemesisEffectsTest {
  private Simulation sim;
  private RaftTarget t;
  private Network net;
  private NemesisDriver driver;

  private void setUp(Seed seed, String schedule) {
    sim = seed.newSimulation();
    t = RaftTarget.create(sim, 5, true, true, new ReferenceRaftFactory());
    net = sim.network();
    sim.runFor(Duration.ofSeconds(2));
    driver = new NemesisDriver(t, ScheduleFormat.parse(seed.testName(), schedule), null);
    driver.start();
  }

  /** Runs to {@code ms} after the driver started. */
  private void at(long ms) {
    sim.runFor(Duration.ofNanos(driver.startNanos() + ms * 1_000_000L - sim.nowNanos()));
  }

  private boolean link(int a, int b) {
    return net.linkEnabled("raft-" + a, "raft-" + b);
  }

  @SimTest(name = "TestNemesisPartitionComposes")
  void partitionCutsBetweenSidesAndOverlappingFaultsCompose(Seed seed) {
    setUp(
        seed,
        "at 100ms partition [0 1] [2 3 4] for 800ms\nat 500ms isolate [0] for 1000ms\nat 3000ms heal\n");
    at(150);
    assertFalse(link(0, 2));
    assertFalse(link(3, 1));
    assertTrue(link(0, 1));
    assertTrue(link(2, 3));
    at(950);
    assertFalse(link(0, 2), "still isolated by the second fault");
    assertFalse(link(0, 1), "the isolation cuts 0 from its own side too");
    assertTrue(link(1, 2), "the partition's own cuts are undone");
    at(1600);
    for (int a = 0; a < 5; a++) {
      for (int b = 0; b < 5; b++) {
        assertTrue(a == b || link(a, b), a + "->" + b);
      }
    }
  }

  @SimTest(name = "TestNemesisIsolateLeader")
  void isolatingTheLeaderElectsANewOneInTheMajority(Seed seed) {
    setUp(seed, "at 0ms isolate leader for 4000ms\nat 6000ms heal\n");
    OptionalInt before = t.leader(0);
    assertTrue(before.isPresent(), "a leader after 2 s");
    int old = before.getAsInt();
    int oldTerm = t.cluster().raft(old).getState().term();
    at(3000);
    int other = (old + 1) % 5;
    assertFalse(link(old, other));
    assertFalse(link(other, old));
    int newLeader = -1;
    for (int i = 0; i < 5; i++) {
      if (i != old && t.cluster().raft(i).getState().isLeader()) {
        newLeader = i;
      }
    }
    assertTrue(newLeader >= 0, "a new leader among the majority");
    assertTrue(t.cluster().raft(newLeader).getState().term() > oldTerm);
    at(4100);
    assertTrue(link(old, other));
  }

  @SimTest(name = "TestNemesisBridgeAndCut")
  void bridgeKeepsTheMiddleConnectedAndCutIsOneWay(Seed seed) {
    setUp(
        seed,
        "at 0ms bridge [0 1] [2] [3 4] for 1000ms\nat 0ms cut [0] -> [1] for 500ms\nat 2000ms heal\n");
    at(10);
    assertFalse(link(0, 3));
    assertFalse(link(4, 1));
    assertTrue(link(2, 0) && link(0, 2) && link(2, 4) && link(4, 2) && link(3, 4));
    assertFalse(link(0, 1), "cut 0 -> 1");
    assertTrue(link(1, 0), "the other direction works");
    at(600);
    assertTrue(link(0, 1));
    assertFalse(link(0, 3));
    at(1100);
    assertTrue(link(0, 3));
  }

  @SimTest(name = "TestNemesisCrashAndPowerLoss")
  void crashedNodesRestartFromTheirPersisters(Seed seed) {
    setUp(seed, "at 100ms crash [1] for 400ms\nat 1000ms crash all for 1000ms\nat 5000ms heal\n");
    int index = t.cluster().one(4242, 5, true);
    at(200);
    assertFalse(t.isAlive(1));
    assertTrue(t.isAlive(0));
    at(600);
    assertTrue(t.isAlive(1));
    at(1500);
    for (int i = 0; i < 5; i++) {
      assertFalse(t.isAlive(i), "power loss: every node down at once");
    }
    at(2001);
    for (int i = 0; i < 5; i++) {
      assertTrue(t.isAlive(i), "power loss over: node " + i + " restarted");
      RaftIntrospection view = (RaftIntrospection) t.cluster().raft(i);
      assertTrue(
          view.lastIndex() >= index,
          "node " + i + " restarted from its persister with index " + index);
    }
    assertTrue(t.cluster().one(4343, 5, true) > index, "the cluster works again");
  }

  @SimTest(name = "TestNemesisCrashLeaderAfterStart")
  void theLeaderCrashesRightAfterAStart(Seed seed) {
    setUp(seed, "at 100ms crash-leader-after-start for 1000ms\nat 5000ms heal\n");
    int l = t.leader(0).getAsInt();
    t.cluster().raft(l).start(1);
    sim.runFor(Duration.ZERO);
    assertTrue(t.isAlive(l), "not armed yet");
    at(200);
    l = t.leader(0).getAsInt();
    long startedAt = sim.nowNanos();
    assertTrue(t.cluster().raft(l).start(2).isLeader());
    sim.runFor(Duration.ZERO);
    assertFalse(t.isAlive(l), "crashed in the same instant as its Start");
    assertEquals(startedAt, sim.nowNanos());
    int other = (l + 1) % 5;
    sim.runFor(Duration.ofMillis(990));
    assertFalse(t.isAlive(l));
    sim.runFor(Duration.ofMillis(20));
    assertTrue(t.isAlive(l), "restarted after 1000 ms");
    assertTrue(t.cluster().raft(other) != null);
  }

  @SimTest(name = "TestNemesisNetworkModes")
  void unreliableAndReorderingAreOnForTheirDuration(Seed seed) {
    setUp(
        seed,
        "at 0ms unreliable for 500ms\nat 300ms unreliable for 500ms\nat 0ms reorder for 200ms\nat 2000ms heal\n");
    at(100);
    assertFalse(net.reliable());
    assertTrue(net.longReordering());
    at(600);
    assertFalse(net.reliable(), "the second unreliable step is still active");
    assertFalse(net.longReordering());
    at(900);
    assertTrue(net.reliable(), "back to the mode at start");
  }

  @SimTest(name = "TestNemesisClog")
  void aCloggedLeaderHoldsItsMessagesThenDeliversThem(Seed seed) {
    setUp(seed, "at 0ms clog leader for 1500ms\nat 3000ms heal\n");
    int l = t.leader(0).getAsInt();
    long handled = net.rpcCount("raft-" + l);
    at(1000);
    assertTrue(net.clogged("raft-" + l));
    assertTrue(net.heldCount() > 0, "heartbeats and votes are held");
    assertEquals(handled, net.rpcCount("raft-" + l), "nothing reaches the clogged node's handlers");
    at(1600);
    assertFalse(net.clogged("raft-" + l));
    assertEquals(0, net.heldCount());
    assertTrue(net.rpcCount("raft-" + l) > handled, "held requests were delivered");
  }

  @SimTest(name = "TestNemesisHealEndsEverything")
  void healEndsEveryActiveFaultAtOnce(Seed seed) {
    setUp(
        seed,
        "at 0ms crash [0] for 10000ms\nat 0ms unreliable for 10000ms\nat 0ms partition [1] [2 3 4] for 10000ms\n"
            + "at 0ms clog [4] for 10000ms\nat 0ms crash-leader-after-start for 10000ms\nat 500ms heal\n");
    at(400);
    assertFalse(t.isAlive(0));
    assertFalse(link(1, 2));
    at(501);
    assertTrue(t.isAlive(0));
    assertTrue(net.reliable());
    assertTrue(link(1, 2) && link(2, 1));
    assertFalse(net.clogged("raft-4"));
    assertTrue(driver.finished());
    int l = t.cluster().checkOneLeader();
    t.cluster().raft(l).start(7);
    sim.runFor(Duration.ZERO);
    assertTrue(t.isAlive(l), "the crash-after-start trigger was disarmed by the heal");
    at(11000);
    assertTrue(t.isAlive(0), "the crash's own end after the heal does nothing");
  }

  @SimTest(name = "TestNemesisStepsInTraceAndLog")
  void everyStepIsInTheTraceAndTheLog(Seed seed) {
    Simulation a = new Simulation(seed.value(), true);
    RaftTarget ta = RaftTarget.create(a, 3, true, false, new ReferenceRaftFactory());
    Schedule s = ScheduleFormat.parse("t", "at 10ms crash [2] for 100ms\nat 300ms heal\n");
    NemesisDriver d = new NemesisDriver(ta, s, null);
    d.start();
    a.runFor(Duration.ofSeconds(1));
    assertEquals(
        java.util.List.of(
            "      10 ms  nemesis: at 10ms crash [2] for 100ms -> [raft-2]",
            "     110 ms  nemesis: ended: at 10ms crash [2] for 100ms",
            "     300 ms  nemesis: at 300ms heal"),
        d.log());
    assertTrue(
        a.trace().lines().stream()
            .anyMatch(
                l ->
                    l.contains("\"node\":\"nemesis\"")
                        && l.contains("at 10ms crash [2] for 100ms -> [raft-2]")));
    Simulation b = new Simulation(seed.value());
    RaftTarget tb = RaftTarget.create(b, 3, true, false, new ReferenceRaftFactory());
    new NemesisDriver(tb, s.withDurationsScaled(2), null).start();
    b.runFor(Duration.ofSeconds(1));
    assertNotEquals(
        a.trace().hashHex(), b.trace().hashHex(), "the schedule is covered by the trace hash");
  }
}
