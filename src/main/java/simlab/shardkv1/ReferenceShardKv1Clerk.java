package simlab.shardkv1;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import simlab.client.OneAtATime;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetResult;
import simlab.kvsrv1.VersionedClerk;
import simlab.shardkv1.shardcfg.ShardConfig;
import simlab.shardkv1.shardctrler.ShardCtrler;
import simlab.shardkv1.shardgrp.ShardGrpClerk;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/**
 * The sharded clerk (6.5840 {@code shardkv1.Clerk}): routes a key to the group that owns {@code
 * key2Shard(key)} in its cached configuration. On ErrWrongGroup, or when the group does not answer
 * ({@link ShardGrpClerk} gives up with ErrWrongLeader), it pauses {@link #RETRY_PAUSE}, queries the
 * controller and tries again. A Put is "maybe applied" once any attempt could have been applied
 * without the clerk hearing so; a later ErrVersion then becomes ErrMaybe.
 */
public final class ReferenceShardKv1Clerk implements VersionedClerk {
  public static final Duration RETRY_PAUSE = Duration.ofMillis(100);

  private final NodeContext ctx;
  private final ShardCtrler ctrler;
  private final OneAtATime<Runnable> queue = new OneAtATime<>(Runnable::run);
  private final Map<Integer, ShardGrpClerk> clerks = new TreeMap<>();
  private ShardConfig config;
  private final boolean neverMaybe;

  public ReferenceShardKv1Clerk(NodeContext ctx, ShardCtrler ctrler) {
    this(ctx, ctrler, false);
  }

  /**
   * With {@code neverMaybe}, a deliberately broken clerk that answers ErrVersion even when a resent
   * Put may have been applied (the lab 5 (2025) broken-implementation check in the test tree).
   */
  public ReferenceShardKv1Clerk(NodeContext ctx, ShardCtrler ctrler, boolean neverMaybe) {
    this.ctx = ctx;
    this.ctrler = ctrler;
    this.neverMaybe = neverMaybe;
  }

  @Override
  public SimFuture<GetResult> get(String key) {
    SimFuture<GetResult> f = new SimFuture<>();
    queue.submit(() -> getAttempt(key, f));
    return f;
  }

  @Override
  public SimFuture<Err> put(String key, String value, long version) {
    SimFuture<Err> f = new SimFuture<>();
    queue.submit(() -> putAttempt(key, value, version, false, f));
    return f;
  }

  private void getAttempt(String key, SimFuture<GetResult> f) {
    ShardGrpClerk g = clerkFor(key);
    if (g == null) {
      refreshThen(() -> getAttempt(key, f));
      return;
    }
    g.get(key)
        .onComplete(
            r -> {
              if (r.err() == Err.OK || r.err() == Err.ErrNoKey) {
                finish(f, r);
              } else {
                refreshThen(() -> getAttempt(key, f));
              }
            });
  }

  private void putAttempt(String key, String value, long version, boolean maybe, SimFuture<Err> f) {
    ShardGrpClerk g = clerkFor(key);
    if (g == null) {
      refreshThen(() -> putAttempt(key, value, version, maybe, f));
      return;
    }
    g.put(key, value, version)
        .onComplete(
            out -> {
              Err e = out.err();
              boolean maybeNow = maybe || out.resent();
              switch (e) {
                case OK, ErrNoKey -> finish(f, e);
                case ErrMaybe -> finish(f, neverMaybe ? Err.ErrVersion : e);
                case ErrVersion ->
                    finish(f, maybeNow && !neverMaybe ? Err.ErrMaybe : Err.ErrVersion);
                default -> refreshThen(() -> putAttempt(key, value, version, maybeNow, f));
              }
            });
  }

  private <T> void finish(SimFuture<T> f, T result) {
    f.complete(result);
    queue.finishCurrent();
  }

  /** The clerk of the group serving {@code key} now, or null if the configuration names none. */
  private ShardGrpClerk clerkFor(String key) {
    if (config == null) {
      return null;
    }
    int gid = config.gidOf(key);
    if (gid == 0 || config.servers(gid).isEmpty()) {
      return null;
    }
    ShardGrpClerk g = clerks.get(gid);
    if (g == null || !g.servers().equals(config.servers(gid))) {
      g = new ShardGrpClerk(ctx, config.servers(gid));
      clerks.put(gid, g);
    }
    return g;
  }

  private void refreshThen(Runnable retry) {
    Runnable query =
        () ->
            ctrler
                .query()
                .onComplete(
                    c -> {
                      config = c;
                      retry.run();
                    });
    if (config == null) {
      query.run(); // the first operation: no reason to wait
    } else {
      ctx.schedule("retry", RETRY_PAUSE, query);
    }
  }
}
