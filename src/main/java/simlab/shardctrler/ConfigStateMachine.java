package simlab.shardctrler;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import simlab.rsm.StateMachine;
import simlab.sim.ValueCodec;

/**
 * The controller's replicated state: every configuration ever made. Deterministic: the same
 * committed operations in the same order give the same configurations on every replica. Retried
 * Join/Leave/Move never reach it twice: the {@link simlab.rsm.Rsm} it runs under keeps the
 * duplicate table ({@link CtrlerRequest} is a {@link simlab.rsm.ClientOp}).
 */
public final class ConfigStateMachine implements StateMachine {
  private final List<Config> configs = new ArrayList<>();

  /** One codec per incarnation: it caches reflection data across snapshots. */
  private final ValueCodec codec = new ValueCodec();

  public ConfigStateMachine() {
    configs.add(Config.initial());
  }

  /** Applies one committed request: a Query's configuration, null for the other operations. */
  @Override
  public Object doOp(Object command) {
    return command instanceof CtrlerRequest req ? apply(req) : null;
  }

  /** Applies one committed request and returns what the client should get. */
  public Config apply(CtrlerRequest req) {
    if (req.op() instanceof CtrlerOp.Query q) {
      return query(q.num());
    }
    Config cur = latest();
    Config next;
    if (req.op() instanceof CtrlerOp.Join j) {
      next = join(cur, j);
    } else if (req.op() instanceof CtrlerOp.Leave l) {
      next = leave(cur, l);
    } else {
      next = move(cur, (CtrlerOp.Move) req.op());
    }
    configs.add(next);
    return null;
  }

  public Config query(int num) {
    return num < 0 || num >= configs.size() ? latest() : configs.get(num);
  }

  public Config latest() {
    return configs.get(configs.size() - 1);
  }

  private static Config join(Config cur, CtrlerOp.Join j) {
    TreeMap<Integer, ImmutableList<String>> groups = new TreeMap<>(cur.groups());
    groups.putAll(j.servers());
    ImmutableSortedMap<Integer, ImmutableList<String>> g = ImmutableSortedMap.copyOf(groups);
    return new Config(cur.num() + 1, Rebalancer.rebalance(cur.shards(), g), g);
  }

  private static Config leave(Config cur, CtrlerOp.Leave l) {
    TreeMap<Integer, ImmutableList<String>> groups = new TreeMap<>(cur.groups());
    for (int gid : l.gids()) {
      groups.remove(gid);
    }
    ImmutableSortedMap<Integer, ImmutableList<String>> g = ImmutableSortedMap.copyOf(groups);
    return new Config(cur.num() + 1, Rebalancer.rebalance(cur.shards(), g), g);
  }

  private static Config move(Config cur, CtrlerOp.Move m) {
    List<Integer> shards = new ArrayList<>(cur.shards());
    shards.set(m.shard(), m.gid());
    return new Config(cur.num() + 1, ImmutableList.copyOf(shards), cur.groups());
  }

  /** Every configuration, oldest first. */
  @Override
  public byte[] snapshot() {
    return codec.toBytes(ImmutableList.copyOf(configs));
  }

  @Override
  public void restore(byte[] snapshot) {
    List<?> image = (List<?>) codec.fromBytes(snapshot);
    configs.clear();
    for (Object c : image) {
      configs.add((Config) c);
    }
  }
}
