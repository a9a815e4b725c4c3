package simlab.shardkv;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.TreeMap;
import simlab.rsm.DuplicateTable;
import simlab.rsm.StateMachine;
import simlab.shardctrler.Config;
import simlab.sim.ValueCodec;

/**
 * The replicated state of one replica group: the current and previous configuration and every shard
 * it holds, each with its {@link ShardStatus}, data and {@link DuplicateTable}. Pure and
 * deterministic (sorted maps only): replicas that apply the same log agree.
 *
 * <p>It runs under a {@link simlab.rsm.Rsm} with {@code Dedup.NONE}: the duplicate table is per
 * shard, because it must travel with the shard's data when the shard moves to another group (or a
 * retried Append could apply once here and once there), and a request for a shard this group does
 * not serve must not be recorded at all.
 */
public final class GroupState implements StateMachine {
  private final int gid;
  private Config cur = Config.initial();
  private Config prev = Config.initial();
  private final Map<Integer, Shard> shards = new TreeMap<>();

  /** One held shard. */
  static final class Shard {
    ShardStatus status;
    final TreeMap<String, String> kv = new TreeMap<>();
    final DuplicateTable duplicates = new DuplicateTable();

    Shard(ShardStatus status) {
      this.status = status;
    }

    ShardData export() {
      return new ShardData(ImmutableMap.copyOf(kv), duplicates.export());
    }
  }

  /** One codec per incarnation: it caches reflection data across snapshots. */
  private final ValueCodec codec = new ValueCodec();

  public GroupState(int gid) {
    this.gid = gid;
  }

  /**
   * Applies one committed log entry: a client request or one of the group's own {@link GroupOp}s.
   */
  @Override
  public Object doOp(Object command) {
    if (command instanceof KvRequest r) {
      return applyClient(r);
    } else if (command instanceof GroupOp.Reconfigure r) {
      return applyReconfigure(r.config());
    } else if (command instanceof GroupOp.InsertShard i) {
      return applyInsert(i.configNum(), i.shard(), i.data());
    } else if (command instanceof GroupOp.DropShard d) {
      return applyDrop(d.configNum(), d.shard());
    } else if (command instanceof GroupOp.GcDone g) {
      return applyGcDone(g.configNum(), g.shard());
    }
    return null; // GroupOp.NoOp
  }

  public Config current() {
    return cur;
  }

  public Config previous() {
    return prev;
  }

  /** The status of {@code shard} here, or null if this group holds nothing of it. */
  public ShardStatus status(int shard) {
    Shard s = shards.get(shard);
    return s == null ? null : s.status;
  }

  /** Whether a client operation on {@code shard} may run now. */
  public boolean serves(int shard) {
    Shard s = shards.get(shard);
    return s != null
        && (s.status == ShardStatus.SERVING || s.status == ShardStatus.GC)
        && cur.gidOf(shard) == gid;
  }

  /** True when no shard is in motion, the only time the next configuration may be applied. */
  public boolean stable() {
    for (Shard s : shards.values()) {
      if (s.status != ShardStatus.SERVING) {
        return false;
      }
    }
    return true;
  }

  public KvReply applyClient(KvRequest r) {
    int shard = ShardKvFactory.key2shard(r.key());
    if (!serves(shard)) {
      return KvReply.of(Err.WRONG_GROUP);
    }
    Shard s = shards.get(shard);
    if (r.op() == KvOpType.GET) {
      String v = s.kv.get(r.key());
      return v == null ? KvReply.of(Err.NO_KEY) : new KvReply(Err.OK, v);
    }
    DuplicateTable.Last seen = s.duplicates.duplicateOf(r.clientId(), r.seq());
    if (seen != null) {
      return (KvReply) seen.result();
    }
    switch (r.op()) {
      case PUT -> s.kv.put(r.key(), r.value());
      case APPEND -> s.kv.merge(r.key(), r.value(), String::concat);
      case DELETE -> s.kv.remove(r.key());
      default -> throw new AssertionError(r.op());
    }
    KvReply ok = KvReply.of(Err.OK);
    s.duplicates.record(r.clientId(), r.seq(), ok);
    return ok;
  }

  /**
   * Moves to {@code next} if it is the next configuration and nothing is in motion. Shards gained
   * from gid 0 start empty and SERVING; shards gained from a group are PULLING; shards lost to a
   * group are frozen (BEPULLING); shards given to gid 0 (every group left) are dropped, as nobody
   * could ever take them.
   */
  public boolean applyReconfigure(Config next) {
    if (next.num() != cur.num() + 1 || !stable()) {
      return false;
    }
    for (int s = 0; s < Config.NSHARDS; s++) {
      boolean had = cur.gidOf(s) == gid;
      boolean has = next.gidOf(s) == gid;
      if (has && !had) {
        shards.put(s, new Shard(cur.gidOf(s) == 0 ? ShardStatus.SERVING : ShardStatus.PULLING));
      } else if (had && !has) {
        if (next.gidOf(s) == 0) {
          shards.remove(s);
        } else {
          shards.get(s).status = ShardStatus.BEPULLING;
        }
      }
    }
    prev = cur;
    cur = next;
    return true;
  }

  public boolean applyInsert(int configNum, int shard, ShardData data) {
    Shard s = shards.get(shard);
    if (configNum != cur.num() || s == null || s.status != ShardStatus.PULLING) {
      return false;
    }
    s.kv.putAll(data.kv());
    s.duplicates.addAll(data.duplicates());
    s.status = ShardStatus.GC;
    return true;
  }

  public boolean applyDrop(int configNum, int shard) {
    Shard s = shards.get(shard);
    if (configNum != cur.num() || s == null || s.status != ShardStatus.BEPULLING) {
      return false;
    }
    shards.remove(shard);
    return true;
  }

  public boolean applyGcDone(int configNum, int shard) {
    Shard s = shards.get(shard);
    if (configNum != cur.num() || s == null || s.status != ShardStatus.GC) {
      return false;
    }
    s.status = ShardStatus.SERVING;
    return true;
  }

  /**
   * The frozen copy of {@code shard} for a puller at {@code configNum}, or null when this replica
   * has not reached that configuration (or no longer holds the shard).
   */
  public ShardData frozen(int configNum, int shard) {
    Shard s = shards.get(shard);
    if (configNum != cur.num() || s == null || s.status != ShardStatus.BEPULLING) {
      return null;
    }
    return s.export();
  }

  // ---- snapshots ---------------------------------------------------------------------

  public record ShardSnap(
      ShardStatus status,
      ImmutableMap<String, String> kv,
      ImmutableMap<Long, DuplicateTable.Last> duplicates) {}

  public record Snap(Config cur, Config prev, ImmutableMap<Integer, ShardSnap> shards) {}

  @Override
  public byte[] snapshot() {
    ImmutableMap.Builder<Integer, ShardSnap> b = ImmutableMap.builder();
    shards.forEach(
        (i, s) ->
            b.put(i, new ShardSnap(s.status, ImmutableMap.copyOf(s.kv), s.duplicates.export())));
    return codec.toBytes(new Snap(cur, prev, b.buildOrThrow()));
  }

  @Override
  public void restore(byte[] snapshot) {
    Snap snap = (Snap) codec.fromBytes(snapshot);
    cur = snap.cur();
    prev = snap.prev();
    shards.clear();
    snap.shards()
        .forEach(
            (i, ss) -> {
              Shard s = new Shard(ss.status());
              s.kv.putAll(ss.kv());
              s.duplicates.replaceWith(ss.duplicates());
              shards.put(i, s);
            });
  }

  /** Total bytes of keys and values held (for tests of garbage collection). */
  public int dataBytes() {
    int n = 0;
    for (Shard s : shards.values()) {
      for (Map.Entry<String, String> e : s.kv.entrySet()) {
        n += e.getKey().length() + e.getValue().length();
      }
    }
    return n;
  }
}
