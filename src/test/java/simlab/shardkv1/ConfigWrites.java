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
 * Watches a controller's kvsrv clerk for configurations it writes: every Put whose value is a
 * {@link ShardConfig} (the form the handout asks for) and that the kvsrv accepted (OK), with the
 * virtual time of the answer. 5C uses it to check that a controller reconnected after its lease was
 * taken over "bails out" (6.5840's words): it must not get a configuration into the kvsrv
 * afterwards. It only observes: the calls and their order are the clerk's own, so a run's trace is
 * the same with or without it.
 */
final class ConfigWrites implements VersionedClerk {
  /** One accepted configuration write. */
  record Write(long atNanos, String key, int num) {}

  private final NodeContext ctx;
  private final VersionedClerk inner;
  private final List<Write> accepted = new ArrayList<>();

  ConfigWrites(NodeContext ctx, VersionedClerk inner) {
    this.ctx = ctx;
    this.inner = inner;
  }

  @Override
  public SimFuture<GetResult> get(String key) {
    return inner.get(key);
  }

  @Override
  public SimFuture<Err> put(String key, String value, long version) {
    ShardConfig cfg = parse(value);
    SimFuture<Err> f = inner.put(key, value, version);
    if (cfg != null) {
      f.onComplete(
          e -> {
            if (e == Err.OK) {
              accepted.add(new Write(ctx.nowNanos(), key, cfg.num()));
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

  /** The configuration writes the kvsrv accepted from this clerk at or after {@code nanos}. */
  List<Write> acceptedSince(long nanos) {
    return accepted.stream().filter(w -> w.atNanos() >= nanos).toList();
  }
}
