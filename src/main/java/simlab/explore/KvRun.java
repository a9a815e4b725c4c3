package simlab.explore;

import java.time.Duration;
import java.util.List;
import simlab.harness.KvCluster;
import simlab.linearizability.Operation;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvOutput;
import simlab.nemesis.KvTarget;
import simlab.nemesis.NemesisTarget;
import simlab.sim.Simulation;
import simlab.workload.KvWorkload;
import simlab.workload.Workload;

/**
 * KV on Raft: 5 servers (maxraftstate 1000, so snapshots happen) and {@link KvWorkload}.
 * Durability: after the final power loss a fresh clerk reads every key, and the whole history,
 * those reads included, must still be linearizable: each read must reflect every write acknowledged
 * before it.
 */
final class KvRun extends SystemRun {
  static final int SERVERS = 5;
  static final int MAX_RAFT_STATE = 1000;

  private final KvTarget target;
  private final KvWorkload workload;

  KvRun(Simulation sim, RunSpec spec) {
    super(sim, spec);
    this.target =
        KvTarget.create(
            sim, SERVERS, false, MAX_RAFT_STATE, spec.impls().kv(), spec.impls().raft());
    this.workload = new KvWorkload(target.cluster(), spec.params());
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
    target.fullCheck();
  }

  @Override
  List<Operation<KvInput, KvOutput>> history() {
    return target.cluster().history().operations();
  }

  @Override
  Outcome checkDurability() {
    KvCluster c = target.cluster();
    KvCluster.ClerkHandle ck = c.makeClient(c.all());
    for (int k = 0; k < spec.params().keys(); k++) {
      String key = "k" + k;
      await(c.get(ck, key), Duration.ofSeconds(10), "Get(" + key + ")");
    }
    return linearizability(
        history(),
        PropertyNames.DURABILITY,
        "reads of every key after the final restart of every server");
  }
}
