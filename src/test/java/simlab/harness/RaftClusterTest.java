package simlab.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.raft.ReferenceRaftFactory;
import simlab.sim.NodeContext;
import simlab.sim.Simulation;
import simlab.sim.SimulationFailure;

/** The harness itself: 6.5840 connect/crash semantics, the appliers, determinism. */
class RaftClusterTest {

  /** A passive Raft that applies whatever the test scripts for its server, 1 ms apart. */
  static final class ScriptedRaft implements Raft {
    final NodeContext ctx;
    final List<int[]> snapshots = new ArrayList<>();
    final List<byte[]> snapshotBytes = new ArrayList<>();

    ScriptedRaft(NodeContext ctx, Consumer<ApplyMsg> applyCh, List<ApplyMsg> script) {
      this.ctx = ctx;
      for (int k = 0; k < script.size(); k++) {
        ApplyMsg m = script.get(k);
        ctx.schedule(Duration.ofMillis(k + 1L), () -> applyCh.accept(m));
      }
    }

    @Override
    public StartResult start(Object command) {
      return new StartResult(-1, 0, false);
    }

    @Override
    public RaftState getState() {
      return new RaftState(0, false);
    }

    @Override
    public void snapshot(int index, byte[] snapshot) {
      snapshots.add(new int[] {index});
      snapshotBytes.add(snapshot);
      ctx.persister().save(new byte[0], snapshot);
    }

    @Override
    public int persistedSize() {
      return 0;
    }

    @Override
    public void kill() {}
  }

  private static List<ApplyMsg> commands(int from, int to) {
    List<ApplyMsg> l = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      l.add(new ApplyMsg.Command(i, 1, i * 10));
    }
    return l;
  }

  @Test
  void connectAndDisconnectFollowLabrpcEnds() {
    Simulation sim = new Simulation(3);
    RaftCluster cfg =
        new RaftCluster(
            sim, 3, true, false, (ctx, peers, me, ch) -> new ScriptedRaft(ctx, ch, List.of()));
    assertTrue(sim.network().linkEnabled("raft-0", "raft-1"));
    cfg.disconnect(0);
    cfg.disconnect(1);
    assertFalse(sim.network().linkEnabled("raft-0", "raft-1"));
    assertFalse(sim.network().linkEnabled("raft-2", "raft-0"));
    cfg.connect(0); // 1 is still disconnected: 0 talks only to 2
    assertTrue(sim.network().linkEnabled("raft-0", "raft-2"));
    assertTrue(sim.network().linkEnabled("raft-2", "raft-0"));
    assertFalse(sim.network().linkEnabled("raft-0", "raft-1"));
    assertFalse(sim.network().linkEnabled("raft-1", "raft-0"));
    cfg.connect(1);
    assertTrue(sim.network().linkEnabled("raft-1", "raft-0"));
  }

  @Test
  void crashDisconnectsAndStartDoesNotConnect() {
    Simulation sim = new Simulation(3);
    RaftCluster cfg =
        new RaftCluster(
            sim, 3, true, false, (ctx, peers, me, ch) -> new ScriptedRaft(ctx, ch, List.of()));
    Raft before = cfg.raft(1);
    cfg.crash1(1);
    assertNull(cfg.raft(1));
    assertFalse(cfg.isConnected(1));
    cfg.start1(1);
    assertNotNull(cfg.raft(1));
    assertTrue(before != cfg.raft(1), "a restart builds a fresh instance");
    assertFalse(cfg.isConnected(1));
    assertFalse(sim.network().linkEnabled("raft-0", "raft-1"));
  }

  @Test
  void applierFailsAtOnceWhenTwoServersApplyDifferentCommands() {
    Simulation sim = new Simulation(5);
    RaftFactory f =
        (ctx, peers, me, ch) ->
            new ScriptedRaft(ctx, ch, List.of(new ApplyMsg.Command(1, 1, me == 0 ? "a" : "b")));
    RaftCluster cfg = new RaftCluster(sim, 2, true, false, f);
    SimulationFailure e =
        assertThrows(SimulationFailure.class, () -> cfg.sleep(Duration.ofSeconds(1)));
    assertTrue(
        e.getMessage()
            .startsWith(
                "State Machine Safety violated (tester's applier): apply error: commit index=1 server=raft-1 b != server=raft-0 a"),
        e.getMessage());
    assertTrue(e.getMessage().contains("seed 5"), e.getMessage());
    assertEquals(Duration.ofMillis(1), e.at());
  }

  @Test
  void applierFailsOnAGap() {
    Simulation sim = new Simulation(5);
    RaftFactory f =
        (ctx, peers, me, ch) ->
            new ScriptedRaft(
                ctx,
                ch,
                me == 0
                    ? List.of(new ApplyMsg.Command(1, 1, 10), new ApplyMsg.Command(3, 1, 30))
                    : List.of());
    RaftCluster cfg = new RaftCluster(sim, 2, true, false, f);
    SimulationFailure e =
        assertThrows(SimulationFailure.class, () -> cfg.sleep(Duration.ofSeconds(1)));
    assertTrue(
        e.getMessage()
            .startsWith(
                "Apply order violated (tester's applier): apply error: server raft-0 apply out of order 3"),
        e.getMessage());
  }

  @Test
  void snapshotApplierSnapshotsEveryTenAndIngestsOnRestart() {
    Simulation sim = new Simulation(9);
    List<ScriptedRaft> made = new ArrayList<>();
    int[] incarnation = {0};
    RaftFactory f =
        (ctx, peers, me, ch) -> {
          // first incarnation applies 1..12; the restarted one resumes after its snapshot
          List<ApplyMsg> script = incarnation[0]++ == 0 ? commands(1, 12) : commands(10, 11);
          ScriptedRaft r = new ScriptedRaft(ctx, ch, script);
          made.add(r);
          return r;
        };
    RaftCluster cfg = new RaftCluster(sim, 1, true, true, f);
    cfg.sleep(Duration.ofMillis(100));
    assertEquals(1, made.get(0).snapshots.size());
    assertEquals(9, made.get(0).snapshots.get(0)[0]);
    TesterSnapshot snap = TesterSnapshot.decode(made.get(0).snapshotBytes.get(0));
    assertEquals(9, snap.lastIncludedIndex());
    assertEquals(java.util.Arrays.asList(null, 10, 20, 30, 40, 50, 60, 70, 80, 90), snap.log());
    assertEquals(new RaftCluster.Committed(1, 120), cfg.nCommitted(12));

    cfg.start1(0);
    cfg.connect(0);
    cfg.sleep(Duration.ofMillis(100));
    assertEquals(new RaftCluster.Committed(1, 110), cfg.nCommitted(11));
  }

  @Test
  void snapshotApplierRejectsReplayingFromOneAfterASnapshot() {
    Simulation sim = new Simulation(9);
    int[] incarnation = {0};
    RaftFactory f =
        (ctx, peers, me, ch) ->
            new ScriptedRaft(ctx, ch, incarnation[0]++ == 0 ? commands(1, 9) : commands(1, 1));
    RaftCluster cfg = new RaftCluster(sim, 1, true, true, f);
    cfg.sleep(Duration.ofMillis(100));
    cfg.start1(0);
    SimulationFailure e =
        assertThrows(SimulationFailure.class, () -> cfg.sleep(Duration.ofMillis(100)));
    assertTrue(
        e.getMessage()
            .startsWith(
                "Apply order violated (tester's applier): apply error: server raft-0 apply out of order, expected index 10, got 1"),
        e.getMessage());
  }

  @Test
  void sameSeedSameRun() {
    assertEquals(runOnce(11), runOnce(11));
    assertFalse(runOnce(11).equals(runOnce(12)), "different seeds should differ");
  }

  private static String runOnce(long seed) {
    Simulation sim = new Simulation(seed);
    RaftCluster cfg = new RaftCluster(sim, 3, false, false, new ReferenceRaftFactory());
    for (int i = 0; i < 5; i++) {
      cfg.one(cfg.randInt(), 3, true);
    }
    cfg.crash1(cfg.checkOneLeader());
    cfg.one(cfg.randInt(), 2, true);
    return sim.trace().hashHex() + "@" + sim.nowNanos();
  }

  @Test
  void endFailsAfterTheTimeLimit() {
    Simulation sim = new Simulation(1);
    RaftCluster cfg =
        new RaftCluster(
            sim, 1, true, false, (ctx, peers, me, ch) -> new ScriptedRaft(ctx, ch, List.of()));
    cfg.begin("Test (3A): too slow");
    cfg.sleep(Duration.ofSeconds(121));
    SimulationFailure e = assertThrows(SimulationFailure.class, cfg::end);
    assertTrue(e.getMessage().startsWith("test took longer than 120 seconds"), e.getMessage());
  }
}
