package simlab.shardkv1.shardctrler;

import java.util.function.Consumer;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetResult;
import simlab.kvsrv1.VersionedClerk;
import simlab.shardkv1.shardcfg.ShardConfig;
import simlab.shardkv1.shardgrp.ShardGrpClerk;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/**
 * The reference controller (see the package comment for the protocol). It runs in a client node and
 * talks to the kvsrv through {@code kv} and to the groups through {@link ShardGrpClerk}s. The code
 * is continuation-passing: each step names the next.
 *
 * <p>It drives a change only while it holds the {@link ControllerLease} (taken in {@link
 * #initController} and {@link #changeConfigTo}, given back when the call ends), and checks the
 * lease before every write; if it finds the lease taken over it bails out of the change, leaving it
 * to the new holder. The versioned Puts and the shards' configuration numbers stay as a second line
 * of defence: they make a write that was sent under the lease but lands after it harmless.
 */
public final class ReferenceShardCtrler implements ShardCtrler {
  public static final String CONFIG_KEY = "shardctrler-config";
  public static final String NEXT_KEY = "shardctrler-next";

  private final NodeContext ctx;
  private final VersionedClerk kv;
  private final boolean publishFirst;
  private final ControllerLease lease;

  public ReferenceShardCtrler(NodeContext ctx, VersionedClerk kv) {
    this(ctx, kv, false);
  }

  /**
   * With {@code publishFirst}, a deliberately broken controller that publishes the new
   * configuration before moving the shards (the lab 5 (2025) broken-implementation check in the
   * test tree); never use it otherwise.
   */
  public ReferenceShardCtrler(NodeContext ctx, VersionedClerk kv, boolean publishFirst) {
    this.ctx = ctx;
    this.kv = kv;
    this.publishFirst = publishFirst;
    this.lease = new ControllerLease(ctx, kv);
  }

  /** A configuration as stored, with the version of its key (0: absent). */
  private record Stored(ShardConfig cfg, long version) {}

  private void read(String key, Consumer<Stored> then) {
    kv.get(key)
        .onComplete(
            (GetResult r) ->
                then.accept(
                    r.err() == Err.OK
                        ? new Stored(ShardConfig.fromString(r.value()), r.version())
                        : new Stored(null, 0)));
  }

  @Override
  public SimFuture<Void> initConfig(ShardConfig cfg) {
    SimFuture<Void> f = new SimFuture<>();
    kv.put(CONFIG_KEY, cfg.toString(), 0).onComplete(e -> f.complete(null));
    return f;
  }

  @Override
  public SimFuture<ShardConfig> query() {
    SimFuture<ShardConfig> f = new SimFuture<>();
    read(CONFIG_KEY, s -> f.complete(s.cfg() == null ? new ShardConfig() : s.cfg()));
    return f;
  }

  @Override
  public SimFuture<Void> initController() {
    SimFuture<Void> f = new SimFuture<>();
    Runnable done = () -> lease.release(() -> f.complete(null));
    lease.acquire(
        () ->
            read(
                CONFIG_KEY,
                cur ->
                    read(
                        NEXT_KEY,
                        next -> {
                          if (cur.cfg() != null
                              && next.cfg() != null
                              && next.cfg().num() == cur.cfg().num() + 1) {
                            ctx.annotate(
                                "controller: finishing change to config " + next.cfg().num());
                            carryOut(cur, next.cfg(), done);
                          } else {
                            done.run();
                          }
                        })));
    return f;
  }

  @Override
  public SimFuture<Void> changeConfigTo(ShardConfig target) {
    SimFuture<Void> f = new SimFuture<>();
    ShardConfig copy = target.copy();
    lease.acquire(() -> change(copy, () -> lease.release(() -> f.complete(null))));
    return f;
  }

  private void change(ShardConfig target, Runnable done) {
    read(
        CONFIG_KEY,
        cur -> {
          if (cur.cfg() == null || target.num() != cur.cfg().num() + 1) {
            done.run(); // not initialised, already applied, or stale: nothing to do
            return;
          }
          read(
              NEXT_KEY,
              next -> {
                if (next.cfg() != null && next.cfg().num() == target.num()) {
                  // A change to this number is already under way (ours after an ErrMaybe, or
                  // another controller's): finish it; if it is not ours, ours is superseded.
                  carryOut(cur, next.cfg(), done);
                  return;
                }
                lease.guard(
                    () ->
                        kv.put(NEXT_KEY, target.toString(), next.version())
                            .onComplete(
                                e -> {
                                  if (e == Err.OK) {
                                    carryOut(cur, target, done);
                                  } else {
                                    change(target, done); // lost the race or unsure: look again
                                  }
                                }),
                    done);
              });
        });
  }

  /** Moves every shard that {@code next} moves, then publishes {@code next}. */
  private void carryOut(Stored cur, ShardConfig next, Runnable done) {
    if (publishFirst) {
      publish(next, cur.version(), () -> moveShard(cur.cfg(), next, 0, done, done));
      return;
    }
    moveShard(cur.cfg(), next, 0, () -> publish(next, cur.version(), done), done);
  }

  private void moveShard(
      ShardConfig cur, ShardConfig next, int shard, Runnable finished, Runnable abandon) {
    if (shard == ShardConfig.NSHARDS) {
      finished.run();
      return;
    }
    Runnable rest = () -> moveShard(cur, next, shard + 1, finished, abandon);
    int from = cur.shard(shard);
    int to = next.shard(shard);
    int num = next.num();
    if (from == to || to == 0) {
      rest.run(); // unmoved, or no group left to take it: it stays (frozen data is never lost)
      return;
    }
    ShardGrpClerk dst = new ShardGrpClerk(ctx, next.servers(to));
    if (from == 0) {
      lease.guard(
          () -> dst.installShard(shard, new byte[0], num).onComplete(e -> ifOk(e, rest, abandon)),
          abandon);
      return;
    }
    ShardGrpClerk src = new ShardGrpClerk(ctx, cur.servers(from));
    Runnable delete =
        () ->
            lease.guard(
                () -> src.deleteShard(shard, num).onComplete(de -> ifOk(de, rest, abandon)),
                abandon);
    lease.guard(
        () ->
            src.freezeShard(shard, num)
                .onComplete(
                    fr -> {
                      if (fr.err() != Err.OK) {
                        abandon.run(); // the shard moved past this change: someone finished it
                        return;
                      }
                      lease.guard(
                          () ->
                              dst.installShard(shard, fr.state(), num)
                                  .onComplete(ie -> ifOk(ie, delete, abandon)),
                          abandon);
                    }),
        abandon);
  }

  private static void ifOk(Err e, Runnable ok, Runnable otherwise) {
    (e == Err.OK ? ok : otherwise).run();
  }

  /** Makes {@code next} current unless it (or a later one) already is. */
  private void publish(ShardConfig next, long curVersion, Runnable done) {
    lease.guard(() -> tryPublish(next, curVersion, done), done);
  }

  private void tryPublish(ShardConfig next, long curVersion, Runnable done) {
    kv.put(CONFIG_KEY, next.toString(), curVersion)
        .onComplete(
            e -> {
              if (e == Err.OK) {
                ctx.annotate("controller: config " + next.num() + " published");
                done.run();
                return;
              }
              read(
                  CONFIG_KEY,
                  now -> {
                    if (now.cfg() == null || now.cfg().num() >= next.num()) {
                      done.run();
                    } else {
                      publish(next, now.version(), done);
                    }
                  });
            });
  }
}
