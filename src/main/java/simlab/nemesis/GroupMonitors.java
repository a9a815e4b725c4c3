package simlab.nemesis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import simlab.harness.RaftInvariantMonitor;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.sim.Simulation;

/**
 * The Raft invariant monitor for every Raft group of a service cluster (KV, controller,
 * shard groups), whose harness does not attach one: each group gets its own monitor,
 * run after every event, and is fed the applies a {@link StartHook} reports.
 */
final class GroupMonitors {
  private final List<List<String>> groups;
  private final List<RaftInvariantMonitor> monitors = new ArrayList<>();

  /** @param raftOf the live Raft of a node id, or null while it is down */
  GroupMonitors(Simulation sim, List<List<String>> groups, Function<String, Raft> raftOf, StartHook hook) {
    this.groups = groups;
    for (List<String> g : groups) {
      RaftInvariantMonitor m = new RaftInvariantMonitor(sim, g, i -> raftOf.apply(g.get(i)));
      monitors.add(m);
      sim.addMonitor(m);
    }
    hook.onApply(new StartHook.ApplyListener() {
      @Override
      public void started(String node, int snapshotIndex) {
        int[] at = find(node);
        if (at != null) {
          monitors.get(at[0]).serverStarted(at[1], snapshotIndex);
        }
      }

      @Override
      public void applied(String node, ApplyMsg msg) {
        int[] at = find(node);
        if (at != null) {
          monitors.get(at[0]).observeApply(at[1], msg);
        }
      }
    });
  }

  private int[] find(String node) {
    for (int g = 0; g < groups.size(); g++) {
      int i = groups.get(g).indexOf(node);
      if (i >= 0) {
        return new int[] {g, i};
      }
    }
    return null;
  }

  /** A complete scan of every group's logs (the end of a run). */
  void fullCheck() {
    monitors.forEach(RaftInvariantMonitor::fullCheck);
  }
}
