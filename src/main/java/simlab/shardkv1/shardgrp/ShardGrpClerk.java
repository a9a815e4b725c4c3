package simlab.shardkv1.shardgrp;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetResult;
import simlab.shardkv1.shardgrp.ShardRpc.DeleteShardArgs;
import simlab.shardkv1.shardgrp.ShardRpc.FreezeShardArgs;
import simlab.shardkv1.shardgrp.ShardRpc.FreezeShardReply;
import simlab.shardkv1.shardgrp.ShardRpc.GetArgs;
import simlab.shardkv1.shardgrp.ShardRpc.InstallShardArgs;
import simlab.shardkv1.shardgrp.ShardRpc.PutArgs;
import simlab.sim.NodeContext;
import simlab.sim.Rpc;
import simlab.sim.SimFuture;

/**
 * Clerk of one shard group (6.5840 {@code shardgrp.Clerk}), used by the sharded clerk and by the
 * controller. It remembers the server that last answered as leader and moves to the next one on
 * ErrWrongLeader or no reply.
 *
 * <p>Get and Put try the servers for {@link #CLIENT_ROUNDS} rounds and then give up with
 * ErrWrongLeader, so the sharded clerk can re-read the configuration (the group may have left and
 * been shut down). A Put resent after an unanswered or ErrWrongLeader attempt turns ErrVersion into
 * ErrMaybe (6.5840's rule: the earlier copy may have been applied).
 *
 * <p>The shard RPCs retry forever, pausing {@link #ROUND_PAUSE} after each round without an answer:
 * the controller must not move on until the group answers (a group that is down blocks the change,
 * which is what TestJoinLeave5B requires).
 */
public final class ShardGrpClerk {
  public static final int CLIENT_ROUNDS = 2;
  public static final Duration ROUND_PAUSE = Duration.ofMillis(100);

  private final NodeContext ctx;
  private final List<String> servers;
  private int leader;

  public ShardGrpClerk(NodeContext ctx, List<String> servers) {
    this.ctx = ctx;
    this.servers = List.copyOf(servers);
  }

  public List<String> servers() {
    return servers;
  }

  public SimFuture<GetResult> get(String key) {
    SimFuture<GetResult> f = new SimFuture<>();
    send(
        new GetArgs(key),
        CLIENT_ROUNDS,
        r -> r.err(),
        r ->
            f.complete(
                r == null
                    ? new GetResult("", 0, Err.ErrWrongLeader)
                    : new GetResult(r.value(), r.version(), r.err())));
    return f;
  }

  /**
   * How a Put ended at this group.
   *
   * @param resent whether some copy of it went unanswered or was answered ErrWrongLeader, so it may
   *     have been applied even if {@code err} says otherwise (a caller that retries elsewhere must
   *     remember this)
   */
  public record PutOutcome(Err err, boolean resent) {}

  public SimFuture<PutOutcome> put(String key, String value, long version) {
    SimFuture<PutOutcome> f = new SimFuture<>();
    boolean[] resent = {false};
    send(
        new PutArgs(key, value, version),
        CLIENT_ROUNDS,
        r -> {
          if (r.err() == Err.ErrWrongLeader) {
            resent[0] = true;
          }
          return r.err();
        },
        r -> {
          if (r == null) {
            f.complete(new PutOutcome(Err.ErrWrongLeader, true));
          } else if (r.err() == Err.ErrVersion && resent[0]) {
            f.complete(new PutOutcome(Err.ErrMaybe, true));
          } else {
            f.complete(new PutOutcome(r.err(), resent[0]));
          }
        },
        () -> resent[0] = true);
    return f;
  }

  public SimFuture<FreezeShardReply> freezeShard(int shard, int num) {
    SimFuture<FreezeShardReply> f = new SimFuture<>();
    send(new FreezeShardArgs(shard, num), -1, FreezeShardReply::err, f::complete);
    return f;
  }

  public SimFuture<Err> installShard(int shard, byte[] state, int num) {
    SimFuture<Err> f = new SimFuture<>();
    send(new InstallShardArgs(shard, state, num), -1, r -> r.err(), r -> f.complete(r.err()));
    return f;
  }

  public SimFuture<Err> deleteShard(int shard, int num) {
    SimFuture<Err> f = new SimFuture<>();
    send(new DeleteShardArgs(shard, num), -1, r -> r.err(), r -> f.complete(r.err()));
    return f;
  }

  private <R> void send(Rpc<R> request, int rounds, Function<R, Err> errOf, Consumer<R> done) {
    send(request, rounds, errOf, done, () -> {});
  }

  /**
   * Sends {@code request} until a server answers something other than ErrWrongLeader; after {@code
   * rounds} full rounds without such an answer ({@code rounds < 0}: never) completes with null.
   * {@code lost} runs for every send without a reply.
   */
  private <R> void send(
      Rpc<R> request, int rounds, Function<R, Err> errOf, Consumer<R> done, Runnable lost) {
    attempt(request, rounds, 0, errOf, done, lost);
  }

  private <R> void attempt(
      Rpc<R> request,
      int rounds,
      int tries,
      Function<R, Err> errOf,
      Consumer<R> done,
      Runnable lost) {
    if (rounds >= 0 && tries >= rounds * servers.size()) {
      done.accept(null);
      return;
    }
    int target = leader;
    ctx.call(
        servers.get(target),
        request,
        reply -> {
          if (reply.isPresent() && errOf.apply(reply.get()) != Err.ErrWrongLeader) {
            done.accept(reply.get());
            return;
          }
          if (reply.isEmpty()) {
            lost.run();
          }
          leader = (target + 1) % servers.size();
          int next = tries + 1;
          if (next % servers.size() == 0) {
            ctx.schedule(
                "retry", ROUND_PAUSE, () -> attempt(request, rounds, next, errOf, done, lost));
          } else {
            attempt(request, rounds, next, errOf, done, lost);
          }
        });
  }
}
