package simlab.shardkv1;

import java.util.ArrayList;
import java.util.List;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetResult;
import simlab.kvsrv1.VersionedClerk;
import simlab.shardkv1.shardcfg.ShardConfig;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/**
 * A controller's kvsrv clerk that notes every configuration the kvsrv accepted from it: a Put whose
 * value parses as a {@link ShardConfig} (the form the handout asks for) and that was answered OK,
 * with the virtual times it was issued and answered. The 5C suites and the shardkv1 explorer check
 * with it that a controller reconnected after its lease was taken over "bails out" (6.5840's
 * words). The suites ask what was answered after the reconnection; the explorer, whose long
 * reordering can deliver the answer to a Put made under the lease seconds late, asks what was
 * issued. It only observes: the calls and their order are the clerk's own, so a run's trace is the
 * same with or without it.
 */
public final class ConfigWrites implements VersionedClerk {
  /** One accepted configuration write. */
  public record Write(long issuedNanos, long answeredNanos, String key, int num) {
    @Override
    public String toString() {
      return key + " := config " + num;
    }
  }

  private final NodeContext ctx;
  private final VersionedClerk inner;
  private final List<Write> accepted = new ArrayList<>();

  public ConfigWrites(NodeContext ctx, VersionedClerk inner) {
    this.ctx = ctx;
    this.inner = inner;
  }

  @Override
  public SimFuture<GetResult> get(String key) {
    return inner.get(key);
  }

  @Override
  public SimFuture<Err> put(String key, String value, long version) {
    long issuedAt = ctx.nowNanos();
    SimFuture<Err> f = inner.put(key, value, version);
    ShardConfig cfg = parse(value);
    if (cfg != null) {
      f.onComplete(
          e -> {
            if (e == Err.OK) {
              accepted.add(new Write(issuedAt, ctx.nowNanos(), key, cfg.num()));
            }
          });
    }
    return f;
  }

  private static ShardConfig parse(String value) {
    try {
      return ShardConfig.fromString(value);
    } catch (IllegalArgumentException notAConfig) {
      return null;
    }
  }

  /** The accepted configuration writes answered at or after {@code nanos}. */
  public List<Write> answeredSince(long nanos) {
    return accepted.stream().filter(w -> w.answeredNanos() >= nanos).toList();
  }

  /** The accepted configuration writes issued from {@code fromNanos} to {@code toNanos}. */
  public List<Write> issuedBetween(long fromNanos, long toNanos) {
    return accepted.stream()
        .filter(w -> w.issuedNanos() >= fromNanos && w.issuedNanos() <= toNanos)
        .toList();
  }

  /** Whether the kvsrv accepted any configuration from this clerk. */
  public boolean wroteAny() {
    return !accepted.isEmpty();
  }
}
