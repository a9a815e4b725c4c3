package simlab.explore;

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
 * value parses as a {@link ShardConfig} and that was answered OK, with the virtual time the
 * controller <em>issued</em> it. The issue time, not the answer's: under long reordering a reply
 * can arrive seconds late, so a Put issued (and applied) under the lease before a cut may be
 * answered after the controller is back, which is no failure to bail out. The shardkv1 explorer run
 * uses it for the 5C bail-out check of {@link CtrlerTakeover}. It only observes: the calls and
 * their order are the clerk's own, so the trace is the same with or without it.
 */
final class ConfigWriteLog implements VersionedClerk {
  private final NodeContext ctx;
  private final VersionedClerk inner;
  private final List<Long> acceptedAt = new ArrayList<>();
  private final List<String> accepted = new ArrayList<>();

  ConfigWriteLog(NodeContext ctx, VersionedClerk inner) {
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
    Integer num = configNum(value);
    if (num != null) {
      f.onComplete(
          e -> {
            if (e == Err.OK) {
              acceptedAt.add(issuedAt);
              accepted.add(key + " := config " + num);
            }
          });
    }
    return f;
  }

  private static Integer configNum(String value) {
    try {
      return ShardConfig.fromString(value).num();
    } catch (IllegalArgumentException notAConfig) {
      return null;
    }
  }

  /** The accepted configuration writes issued from {@code fromNanos} to {@code toNanos}. */
  List<String> acceptedBetween(long fromNanos, long toNanos) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < acceptedAt.size(); i++) {
      if (acceptedAt.get(i) >= fromNanos && acceptedAt.get(i) <= toNanos) {
        out.add(accepted.get(i));
      }
    }
    return out;
  }

  /** Whether the kvsrv accepted any configuration from this clerk. */
  boolean wroteAny() {
    return !accepted.isEmpty();
  }
}
