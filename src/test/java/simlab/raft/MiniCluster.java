package simlab.raft;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import simlab.sim.Simulation;

/**
 * A tiny test service around N reference peers, for this package's smoke tests (the graded cluster
 * harness lives elsewhere). It checks every apply: indices arrive in order without gaps, and no two
 * peers apply different commands at one index. With {@code snapshotEvery > 0} it snapshots every
 * that many entries, like 6.5840's applierSnap; the snapshot is just the index, since the committed
 * values are shared.
 */
final class MiniCluster {
  final Simulation sim;
  final int n;
  final List<String> ids = new ArrayList<>();
  final Map<Integer, Object> committed = new TreeMap<>();
  final int[] applied;
  final int[] snapshotsReceived;
  final List<String> errors = new ArrayList<>();
  private final int snapshotEvery;

  MiniCluster(Simulation sim, int n, int snapshotEvery) {
    this.sim = sim;
    this.n = n;
    this.snapshotEvery = snapshotEvery;
    this.applied = new int[n];
    this.snapshotsReceived = new int[n];
    for (int i = 0; i < n; i++) {
      ids.add("r" + i);
    }
    sim.network().setLongDelays(true);
    for (int i = 0; i < n; i++) {
      int me = i;
      sim.addNode(ids.get(i), ids, ctx -> build(me, ctx));
    }
  }

  private Raft build(int me, simlab.sim.NodeContext ctx) {
    byte[] snap = ctx.persister().readSnapshot();
    applied[me] = snap.length == 0 ? 0 : ByteBuffer.wrap(snap).getInt();
    return new ReferenceRaftFactory().make(ctx, ids, me, msg -> onApply(me, msg));
  }

  private void onApply(int me, ApplyMsg msg) {
    if (msg instanceof ApplyMsg.Snapshot s) {
      if (s.index() <= applied[me]) {
        errors.add("r" + me + " got snapshot " + s.index() + " after applying " + applied[me]);
      }
      applied[me] = ByteBuffer.wrap(s.snapshot()).getInt();
      snapshotsReceived[me]++;
      return;
    }
    ApplyMsg.Command c = (ApplyMsg.Command) msg;
    if (c.index() != applied[me] + 1) {
      errors.add("r" + me + " applied " + c.index() + " after " + applied[me]);
    }
    Object prev = committed.putIfAbsent(c.index(), c.command());
    if (prev != null && !prev.equals(c.command())) {
      errors.add(
          "r" + me + " applied " + c.command() + " at " + c.index() + " where others have " + prev);
    }
    applied[me] = c.index();
    if (snapshotEvery > 0 && c.index() % snapshotEvery == 0) {
      raft(me).snapshot(c.index(), ByteBuffer.allocate(4).putInt(c.index()).array());
    }
  }

  Raft raft(int i) {
    return sim.node(ids.get(i));
  }

  /** The unique leader of the highest term among live peers, or -1. */
  int leader() {
    int best = -1;
    int bestTerm = -1;
    for (int i = 0; i < n; i++) {
      Raft r = raft(i);
      if (r != null && r.getState().isLeader() && r.getState().term() > bestTerm) {
        best = i;
        bestTerm = r.getState().term();
      }
    }
    return best;
  }

  boolean runUntil(BooleanSupplier cond, Duration timeout) {
    return sim.runUntil(cond, timeout);
  }

  /** Starts {@code cmd} on the current leader (waiting for one) and returns its index, or -1. */
  int startOnLeader(Object cmd) {
    if (!runUntil(() -> leader() >= 0, Duration.ofSeconds(5))) {
      return -1;
    }
    return raft(leader()).start(cmd).index();
  }

  /** How many peers applied {@code index} (counting snapshots that cover it). */
  int appliedCount(int index) {
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (applied[i] >= index) {
        k++;
      }
    }
    return k;
  }
}
