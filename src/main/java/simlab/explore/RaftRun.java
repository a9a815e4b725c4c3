package simlab.explore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import simlab.harness.TesterSnapshot;
import simlab.linearizability.Operation;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvOutput;
import simlab.nemesis.NemesisTarget;
import simlab.nemesis.RaftTarget;
import simlab.nemesis.StartHook;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.sim.Simulation;
import simlab.workload.RaftWorkload;
import simlab.workload.Workload;

/**
 * Raft: 5 servers with the 3D snapshotting applier and {@link RaftWorkload}. Besides the cluster's
 * own invariant monitor, {@link CommittedInLaterLeaders} watches what clients were told.
 * Durability: after the final power loss a probe command is committed, which makes a majority
 * re-apply their logs from their snapshots; every acknowledged command must be applied again at its
 * index.
 */
final class RaftRun extends SystemRun {
  /** The probe proposed after the final restart; client commands are positive. */
  static final int PROBE = -1;

  private final RaftTarget target;
  private final RaftWorkload workload;

  /** Per server, what the incarnations since the final restart applied (snapshots included). */
  private final List<Map<Integer, Object>> reapplied = new ArrayList<>();

  private boolean tracking;

  RaftRun(Simulation sim, RunSpec spec) {
    super(sim, spec);
    this.target =
        RaftTarget.create(sim, spec.system().topology().size(), true, true, spec.impls().raft());
    this.workload = new RaftWorkload(target.cluster(), spec.params());
    int n = target.cluster().n();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(target.cluster().id(i));
      reapplied.add(new TreeMap<>());
    }
    sim.addMonitor(
        new CommittedInLaterLeaders(sim, ids, target.cluster()::raft, workload::acknowledged));
    target.onApply(
        new StartHook.ApplyListener() {
          @Override
          public void started(String node, int snapshotIndex) {
            if (tracking) {
              int i = ids.indexOf(node);
              reapplied.get(i).clear();
              byte[] snap = sim.persister(node).readSnapshot();
              if (snap.length > 0) {
                fill(i, snap);
              }
            }
          }

          @Override
          public void applied(String node, ApplyMsg msg) {
            if (!tracking) {
              return;
            }
            int i = ids.indexOf(node);
            if (msg instanceof ApplyMsg.Command c) {
              reapplied.get(i).put(c.index(), c.command());
            } else if (msg instanceof ApplyMsg.Snapshot s) {
              fill(i, s.snapshot());
            }
          }
        });
  }

  private void fill(int server, byte[] snapshot) {
    TesterSnapshot t;
    try {
      t = TesterSnapshot.decode(snapshot);
    } catch (IllegalArgumentException e) {
      return; // the cluster's own applier reports an undecodable snapshot
    }
    for (int j = 1; j < t.log().size(); j++) {
      reapplied.get(server).put(j, t.log().get(j));
    }
  }

  /** Called just before the final power loss: from now on applies are recorded. */
  void trackFromHere() {
    tracking = true;
  }

  @Override
  NemesisTarget target() {
    return target;
  }

  @Override
  Workload workload() {
    return workload;
  }

  @Override
  void fullCheck() {
    target.cluster().monitor().fullCheck();
  }

  @Override
  List<Operation<KvInput, KvOutput>> history() {
    return null;
  }

  @Override
  Outcome checkDurability() {
    int n = target.cluster().n();
    int majority = n / 2 + 1;
    long[] lastTry = {sim.nowNanos() - RaftWorkload.ATTEMPT.toNanos()};
    // Propose the probe to whoever leads, again every 2 s until a majority has applied it.
    boolean ok =
        sim.runUntil(
            () -> {
              if (countWithProbe() >= majority) {
                return true;
              }
              if (sim.nowNanos() - lastTry[0] >= RaftWorkload.ATTEMPT.toNanos()) {
                for (int i = 0; i < n; i++) {
                  Raft rf = target.cluster().raft(i);
                  if (rf != null && rf.getState().isLeader() && rf.start(PROBE).isLeader()) {
                    lastTry[0] = sim.nowNanos();
                    break;
                  }
                }
              }
              return false;
            },
            Duration.ofSeconds(10));
    if (!ok) {
      throw new PropertyFailure(
          PropertyNames.LIVENESS,
          "after the final restart of every server no command"
              + " committed within 10 s of virtual time (a majority never applied the probe)");
    }
    for (Map.Entry<Integer, Integer> e : workload.acknowledged().entrySet()) {
      int index = e.getKey();
      int holders = 0;
      for (int i = 0; i < n; i++) {
        Map<Integer, Object> log = reapplied.get(i);
        if (log.containsKey(index)) {
          holders++;
          if (!Objects.equals(log.get(index), e.getValue())) {
            throw new PropertyFailure(
                PropertyNames.DURABILITY,
                "after the final restart of every server "
                    + target.cluster().id(i)
                    + " applied "
                    + log.get(index)
                    + " at index "
                    + index
                    + ", where command "
                    + e.getValue()
                    + " had been acknowledged to its client");
          }
        }
      }
      if (holders == 0) {
        throw new PropertyFailure(
            PropertyNames.DURABILITY,
            "after the final restart of every server no server"
                + " applied index "
                + index
                + " again, where command "
                + e.getValue()
                + " had been acknowledged");
      }
    }
    return null;
  }

  private int countWithProbe() {
    int c = 0;
    for (Map<Integer, Object> log : reapplied) {
      if (log.containsValue(PROBE)) {
        c++;
      }
    }
    return c;
  }
}
