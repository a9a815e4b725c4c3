package simlab.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import simlab.harness.ShardCluster;
import simlab.harness.ShardImplementations;
import simlab.nemesis.NemesisTarget;
import simlab.nemesis.ShardKvTarget;
import simlab.shardkv.ShardKvClerk;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;

/**
 * Lab 5's sharded KV: the controller (3 replicas) and three replica groups of three, every group
 * joined before the workload starts, so the keys spread over all groups. Each client process is a
 * clerk node; a retired clerk is crashed.
 */
final class ShardKvSystem implements BenchSystem {
  private final ShardKvTarget target;

  ShardKvSystem(Simulation sim, boolean unreliable, int maxRaftState) {
    this.target =
        ShardKvTarget.create(
            sim,
            unreliable,
            maxRaftState,
            ShardImplementations.raft(),
            ShardImplementations.ctrler(),
            ShardImplementations.shardkv());
  }

  /** Joins every group (runs the simulation until each join is done). */
  void setUp() {
    for (int g = 0; g < ShardCluster.NGROUPS; g++) {
      target.cluster().join(g);
    }
  }

  @Override
  public Simulation sim() {
    return target.sim();
  }

  @Override
  public NemesisTarget target() {
    return target;
  }

  @Override
  public boolean keyValue() {
    return true;
  }

  @Override
  public BenchClient newClient() {
    ShardKvClerk ck = target.cluster().makeClient();
    List<String> ids = sim().nodeIds();
    String id = ids.get(ids.size() - 1); // the clerk node just added
    int process = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
    return new BenchClient() {
      @Override
      public int process() {
        return process;
      }

      @Override
      public SimFuture<String> invoke(String op, String key, String value) {
        SimFuture<String> done = new SimFuture<>();
        switch (op) {
          case "get" -> ck.get(key).onComplete(done::complete);
          case "put" -> ck.put(key, value).onComplete(v -> done.complete(null));
          case "append" -> ck.append(key, value).onComplete(v -> done.complete(null));
          default -> throw new IllegalArgumentException("shardkv has no operation " + op);
        }
        return done;
      }

      @Override
      public void retire() {
        sim().crash(id);
      }
    };
  }

  @Override
  public String writeAndCheck(List<OpRecord> ops, Path file, long checkTimeoutMs)
      throws IOException {
    return KvHistoryCheck.writeAndCheck(ops, file, checkTimeoutMs);
  }

  @Override
  public void finish() {
    target.fullCheck();
  }
}
