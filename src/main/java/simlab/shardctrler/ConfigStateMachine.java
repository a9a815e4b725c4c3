package simlab.shardctrler;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The controller's replicated state: every configuration ever made, and for each client
 * the last sequence number applied (at-most-once for Join/Leave/Move). Deterministic: the
 * same committed operations in the same order give the same configurations on every replica.
 */
public final class ConfigStateMachine {
  private final List<Config> configs = new ArrayList<>();
  private final Map<Long, Long> lastSeq = new TreeMap<>();

  public ConfigStateMachine() {
    configs.add(Config.initial());
  }

  /** Applies one committed request and returns what the client should get. */
  public Config apply(CtrlerRequest req) {
    if (req.op() instanceof CtrlerOp.Query q) {
      return query(q.num());
    }
    Long seen = lastSeq.get(req.clientId());
    if (seen != null && seen >= req.seq()) {
      return null; // a retry of something already applied
    }
    lastSeq.put(req.clientId(), req.seq());
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

  /** The whole state as an immutable value, for a snapshot. */
  public Snapshot snapshot() {
    return new Snapshot(ImmutableList.copyOf(configs), ImmutableMap.copyOf(lastSeq));
  }

  public void restore(Snapshot s) {
    configs.clear();
    configs.addAll(s.configs());
    lastSeq.clear();
    lastSeq.putAll(s.lastSeq());
  }

  public record Snapshot(ImmutableList<Config> configs, ImmutableMap<Long, Long> lastSeq) {
  }
}
