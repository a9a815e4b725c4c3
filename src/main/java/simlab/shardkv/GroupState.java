package simlab.shardkv;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.TreeMap;
import simlab.shardctrler.Config;

/**
 * The replicated state of one replica group: the current and previous configuration and
 * every shard it holds, each with its {@link ShardStatus}, data and dedup table. Pure and
 * deterministic (sorted maps only): replicas that apply the same log agree.
 */
public final class GroupState {
  private final int gid;
  private Config cur = Config.initial();
  private Config prev = Config.initial();
  private final Map<Integer, Shard> shards = new TreeMap<>();

  /** One held shard. */
  static final class Shard {
    ShardStatus status;
    final TreeMap<String, String> kv = new TreeMap<>();
    final TreeMap<Long, Long> lastSeq = new TreeMap<>();

    Shard(ShardStatus status) {
      this.status = status;
    }

    ShardData export() {
      return new ShardData(ImmutableMap.copyOf(kv), ImmutableMap.copyOf(lastSeq));
    }
  }

  public GroupState(int gid) {
    this.gid = gid;
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
    return s != null && (s.status == ShardStatus.SERVING || s.status == ShardStatus.GC) && cur.gidOf(shard) == gid;
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
    int shard = ShardKVFactory.key2shard(r.key());
    if (!serves(shard)) {
      return KvReply.of(KvErr.WRONG_GROUP);
    }
    Shard s = shards.get(shard);
    if (r.op() == KvOpType.GET) {
      String v = s.kv.get(r.key());
      return v == null ? KvReply.of(KvErr.NO_KEY) : new KvReply(KvErr.OK, v);
    }
    Long seen = s.lastSeq.get(r.clientId());
    if (seen == null || seen < r.seq()) {
      switch (r.op()) {
        case PUT -> s.kv.put(r.key(), r.value());
        case APPEND -> s.kv.merge(r.key(), r.value(), String::concat);
        case DELETE -> s.kv.remove(r.key());
        default -> throw new AssertionError(r.op());
      }
      s.lastSeq.put(r.clientId(), r.seq());
    }
    return KvReply.of(KvErr.OK);
  }

  /**
   * Moves to {@code next} if it is the next configuration and nothing is in motion. Shards
   * gained from gid 0 start empty and SERVING; shards gained from a group are PULLING;
   * shards lost to a group are frozen (BEPULLING); shards given to gid 0 (every group
   * left) are dropped, as nobody could ever take them.
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
    s.lastSeq.putAll(data.lastSeq());
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
   * The frozen copy of {@code shard} for a puller at {@code configNum}, or null when this
   * replica has not reached that configuration (or no longer holds the shard).
   */
  public ShardData frozen(int configNum, int shard) {
    Shard s = shards.get(shard);
    if (configNum != cur.num() || s == null || s.status != ShardStatus.BEPULLING) {
      return null;
    }
    return s.export();
  }

  // ---- snapshots ---------------------------------------------------------------------

  public record ShardSnap(ShardStatus status, ImmutableMap<String, String> kv, ImmutableMap<Long, Long> lastSeq) {
  }

  public record Snap(Config cur, Config prev, ImmutableMap<Integer, ShardSnap> shards) {
  }

  public Snap snapshot() {
    ImmutableMap.Builder<Integer, ShardSnap> b = ImmutableMap.builder();
    shards.forEach((i, s) -> b.put(i, new ShardSnap(s.status, ImmutableMap.copyOf(s.kv), ImmutableMap.copyOf(s.lastSeq))));
    return new Snap(cur, prev, b.buildOrThrow());
  }

  public void restore(Snap snap) {
    cur = snap.cur();
    prev = snap.prev();
    shards.clear();
    snap.shards().forEach((i, ss) -> {
      Shard s = new Shard(ss.status());
      s.kv.putAll(ss.kv());
      s.lastSeq.putAll(ss.lastSeq());
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
