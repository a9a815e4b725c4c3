package simlab.workload;

import java.util.random.RandomGenerator;
import simlab.harness.KvCluster;
import simlab.harness.KvCluster.ClerkHandle;
import simlab.linearizability.model.KvInput;
import simlab.sim.SimFuture;

/**
 * Lab 4 clients: {@code clients} clerks (each able to reach every server) doing
 * Get/Put/Append/Delete over the key space through the cluster's recording methods, so every
 * operation lands in {@link KvCluster#history()} for the linearizability check. Client c draws from
 * the stream {@code workload:kv:client-c}.
 */
public final class KvWorkload extends LoopWorkload {
  private final KvCluster cluster;
  private final WorkloadParams params;

  public KvWorkload(KvCluster cluster, WorkloadParams params) {
    this.cluster = cluster;
    this.params = params;
  }

  @Override
  public void start() {
    KvOpMix mix = new KvOpMix(params);
    for (int c = 0; c < params.clients(); c++) {
      int client = c;
      ClerkHandle ck = cluster.makeClient(cluster.all());
      RandomGenerator r = cluster.sim().random("workload:kv:client-" + c);
      loops.add(
          new OpLoop(
              cluster.sim(),
              params.opsPerClient(),
              params.think(),
              seq -> {
                countIssued();
                return run(ck, mix.next(r, client, seq));
              }));
    }
    loops.forEach(OpLoop::start);
  }

  private SimFuture<?> run(ClerkHandle ck, KvInput in) {
    return switch (in.op()) {
      case GET -> cluster.get(ck, in.key());
      case PUT -> cluster.put(ck, in.key(), in.value());
      case APPEND -> cluster.append(ck, in.key(), in.value());
      case DELETE -> cluster.delete(ck, in.key());
    };
  }

  @Override
  public void stop() {
    loops.forEach(OpLoop::stop);
  }

  @Override
  public boolean finished() {
    return loops.stream().allMatch(OpLoop::finished);
  }
}
