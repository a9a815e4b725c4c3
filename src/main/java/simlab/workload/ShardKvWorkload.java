package simlab.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import simlab.harness.KvHistory;
import simlab.harness.ShardCluster;
import simlab.linearizability.model.KvInput;
import simlab.shardctrler.Config;
import simlab.shardctrler.ShardCtrlerClerk;
import simlab.shardkv.ShardKvClerk;
import simlab.sim.SimFuture;

/**
 * Lab 5 clients plus reconfigurations: {@code clients} shardkv clerks doing Get/Put/Append/Delete
 * over the key space (recorded in a {@link KvHistory}), and one configuration client that, every
 * {@code configEvery}, joins a group that is out, makes a group leave (never the last one) or moves
 * a shard to a group that is in, through the controller, while the clients run. Config changes draw
 * from {@code workload:config}, client c from {@code workload:shardkv:client-c}.
 *
 * <p>{@link #setUp()} joins the first group and waits for it (it runs the simulation); call it
 * before starting the nemesis.
 */
public final class ShardKvWorkload extends LoopWorkload {
  private final ShardCluster cluster;
  private final WorkloadParams params;
  private final Duration configEvery;
  private final KvHistory history;
  private final TreeSet<Integer> joined = new TreeSet<>();
  private final List<String> configLog = new ArrayList<>();
  private ShardCtrlerClerk admin;
  private RandomGenerator configRandom;
  private boolean stopping;
  private boolean configBusy;

  public ShardKvWorkload(ShardCluster cluster, WorkloadParams params, Duration configEvery) {
    this.cluster = cluster;
    this.params = params;
    this.configEvery = configEvery;
    this.history = new KvHistory(cluster.sim());
  }

  /** Joins group 0 (blocking, in virtual time), so clients have somewhere to go. */
  public void setUp() {
    cluster.join(0);
    joined.add(0);
  }

  public KvHistory history() {
    return history;
  }

  /** The configuration changes issued, e.g. {@code join 101}, in order. */
  public List<String> configLog() {
    return List.copyOf(configLog);
  }

  @Override
  public void start() {
    KvOpMix mix = new KvOpMix(params);
    for (int c = 0; c < params.clients(); c++) {
      int client = c;
      ShardKvClerk ck = cluster.makeClient();
      RandomGenerator r = cluster.sim().random("workload:shardkv:client-" + c);
      loops.add(
          new OpLoop(
              cluster.sim(),
              params.opsPerClient(),
              params.think(),
              seq -> {
                countIssued();
                return run(client, ck, mix.next(r, client, seq));
              }));
    }
    admin = cluster.ctl().makeClerk();
    configRandom = cluster.sim().random("workload:config");
    loops.forEach(OpLoop::start);
    cluster.sim().schedule(configEvery, this::reconfigure);
  }

  private SimFuture<?> run(int client, ShardKvClerk ck, KvInput in) {
    return switch (in.op()) {
      case GET -> history.get(client, ck, in.key());
      case PUT -> history.put(client, ck, in.key(), in.value());
      case APPEND -> history.append(client, ck, in.key(), in.value());
      case DELETE -> history.delete(client, ck, in.key());
    };
  }

  private void reconfigure() {
    if (stopping || clientsDone()) {
      return;
    }
    configBusy = true;
    int choice = configRandom.nextInt(3);
    SimFuture<Void> f;
    if (joined.size() < ShardCluster.NGROUPS && (choice == 0 || joined.size() == 1)) {
      List<Integer> out = new ArrayList<>();
      for (int g = 0; g < ShardCluster.NGROUPS; g++) {
        if (!joined.contains(g)) {
          out.add(g);
        }
      }
      int g = out.get(configRandom.nextInt(out.size()));
      joined.add(g);
      configLog.add("join " + cluster.gid(g));
      f = admin.join(Map.of(cluster.gid(g), cluster.servers(g)));
    } else if (choice == 1 && joined.size() > 1) {
      int g = new ArrayList<>(joined).get(configRandom.nextInt(joined.size()));
      joined.remove(g);
      configLog.add("leave " + cluster.gid(g));
      f = admin.leave(List.of(cluster.gid(g)));
    } else {
      int shard = configRandom.nextInt(Config.NSHARDS);
      int g = new ArrayList<>(joined).get(configRandom.nextInt(joined.size()));
      configLog.add("move " + shard + " " + cluster.gid(g));
      f = admin.move(shard, cluster.gid(g));
    }
    f.onComplete(
        v -> {
          configBusy = false;
          cluster.sim().schedule(configEvery, this::reconfigure);
        });
  }

  private boolean clientsDone() {
    return loops.stream().allMatch(OpLoop::finished);
  }

  @Override
  public void stop() {
    stopping = true;
    loops.forEach(OpLoop::stop);
  }

  /** Every client finished and no configuration change is in flight. */
  @Override
  public boolean finished() {
    return clientsDone() && !configBusy;
  }
}
