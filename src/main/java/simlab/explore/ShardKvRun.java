package simlab.explore;

import java.time.Duration;
import java.util.List;
import simlab.linearizability.Operation;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvOutput;
import simlab.nemesis.NemesisTarget;
import simlab.nemesis.ShardKvTarget;
import simlab.shardkv.ShardKvClerk;
import simlab.sim.Simulation;
import simlab.workload.ShardKvWorkload;
import simlab.workload.Workload;

/**
 * Sharded KV: the controller's 3 replicas and 3 groups of 3 (maxraftstate 1000), {@link
 * ShardKvWorkload} with a reconfiguration every {@link #CONFIG_EVERY}. Durability as for KV: after
 * the final power loss of all 12 servers a fresh clerk reads every key.
 */
final class ShardKvRun extends SystemRun {
  static final Duration CONFIG_EVERY = Duration.ofMillis(400);
  static final int MAX_RAFT_STATE = 1000;

  private final ShardKvTarget target;
  private final ShardKvWorkload workload;

  ShardKvRun(Simulation sim, RunSpec spec) {
    super(sim, spec);
    this.target =
        ShardKvTarget.create(
            sim,
            false,
            MAX_RAFT_STATE,
            spec.impls().raft(),
            spec.impls().ctrler(),
            spec.impls().shardkv());
    this.workload = new ShardKvWorkload(target.cluster(), spec.params(), CONFIG_EVERY);
  }

  @Override
  void setUp() {
    workload.setUp();
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
    return workload.history().operations();
  }

  @Override
  Outcome checkDurability() {
    ShardKvClerk ck = target.cluster().makeClient();
    int reader = spec.params().clients();
    for (int k = 0; k < spec.params().keys(); k++) {
      String key = "k" + k;
      await(workload.history().get(reader, ck, key), Duration.ofSeconds(10), "Get(" + key + ")");
    }
    return linearizability(
        history(),
        PropertyNames.DURABILITY,
        "reads of every key after the final restart of every server");
  }
}
