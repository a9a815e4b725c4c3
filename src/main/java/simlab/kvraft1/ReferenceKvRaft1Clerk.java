package simlab.kvraft1;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import simlab.client.OneAtATime;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetArgs;
import simlab.kvsrv1.GetReply;
import simlab.kvsrv1.GetResult;
import simlab.kvsrv1.PutArgs;
import simlab.kvsrv1.PutReply;
import simlab.kvsrv1.VersionedClerk;
import simlab.sim.NodeContext;
import simlab.sim.Rpc;
import simlab.sim.SimFuture;

/**
 * The reference clerk. It sends to the server that last answered as leader (a random one at first),
 * moves to the next on ErrWrongLeader or no reply, and pauses {@link #ROUND_PAUSE} after a full
 * round without a leader so an election can finish. A Put answered ErrVersion on its first send
 * returns ErrVersion; answered so after any resend it returns ErrMaybe, because an earlier copy may
 * have reached the log (a deposed leader's entry can still commit) and applied.
 */
public final class ReferenceKvRaft1Clerk implements VersionedClerk {
  static final Duration ROUND_PAUSE = Duration.ofMillis(10);

  private final NodeContext ctx;
  private final List<String> servers;
  private final OneAtATime<Runnable> queue = new OneAtATime<>(Runnable::run);
  private int leader;

  public ReferenceKvRaft1Clerk(NodeContext ctx, List<String> servers) {
    this.ctx = ctx;
    this.servers = List.copyOf(servers);
    this.leader = ctx.random().nextInt(servers.size());
  }

  @Override
  public SimFuture<GetResult> get(String key) {
    SimFuture<GetResult> f = new SimFuture<>();
    queue.submit(
        () ->
            attempt(
                new GetArgs(key),
                0,
                GetReply::err,
                (r, sends) -> finish(f, new GetResult(r.value(), r.version(), r.err()))));
    return f;
  }

  @Override
  public SimFuture<Err> put(String key, String value, long version) {
    SimFuture<Err> f = new SimFuture<>();
    queue.submit(
        () ->
            attempt(
                new PutArgs(key, value, version),
                0,
                PutReply::err,
                (r, sends) ->
                    finish(f, r.err() == Err.ErrVersion && sends > 1 ? Err.ErrMaybe : r.err())));
    return f;
  }

  private <T> void finish(SimFuture<T> f, T value) {
    f.complete(value);
    queue.finishCurrent();
  }

  /** What to do with a leader's answer, given how many times the request was sent. */
  private interface Answer<R> {
    void accept(R reply, int sends);
  }

  private <R> void attempt(
      Rpc<R> request, int sentBefore, java.util.function.Function<R, Err> errOf, Answer<R> done) {
    int sends = sentBefore + 1;
    ctx.call(
        servers.get(leader),
        request,
        (Optional<R> reply) -> {
          if (reply.isPresent() && errOf.apply(reply.get()) != Err.ErrWrongLeader) {
            done.accept(reply.get(), sends);
            return;
          }
          leader = (leader + 1) % servers.size();
          if (sends % servers.size() == 0) {
            ctx.schedule("retry", ROUND_PAUSE, () -> attempt(request, sends, errOf, done));
          } else {
            attempt(request, sends, errOf, done);
          }
        });
  }
}
