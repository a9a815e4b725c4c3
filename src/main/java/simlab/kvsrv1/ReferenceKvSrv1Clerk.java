package simlab.kvsrv1;

import simlab.client.OneAtATime;
import simlab.sim.NodeContext;
import simlab.sim.Rpc;
import simlab.sim.SimFuture;

/**
 * Resends each request until the server answers. A Put answered ErrVersion on its first send
 * returns ErrVersion (it certainly did not apply); on a resend it returns ErrMaybe, because an
 * earlier copy may have been applied and its reply lost (6.5840's rule).
 */
public final class ReferenceKvSrv1Clerk implements VersionedClerk {
  private final NodeContext ctx;
  private final String server;
  private final OneAtATime<Runnable> queue = new OneAtATime<>(Runnable::run);

  public ReferenceKvSrv1Clerk(NodeContext ctx, String server) {
    this.ctx = ctx;
    this.server = server;
  }

  @Override
  public SimFuture<GetResult> get(String key) {
    SimFuture<GetResult> f = new SimFuture<>();
    queue.submit(
        () ->
            until(
                new GetArgs(key),
                0,
                (r, sends) -> finish(f, new GetResult(r.value(), r.version(), r.err()))));
    return f;
  }

  @Override
  public SimFuture<Err> put(String key, String value, long version) {
    SimFuture<Err> f = new SimFuture<>();
    queue.submit(
        () ->
            until(
                new PutArgs(key, value, version),
                0,
                (r, sends) ->
                    finish(f, r.err() == Err.ErrVersion && sends > 1 ? Err.ErrMaybe : r.err())));
    return f;
  }

  private <T> void finish(SimFuture<T> f, T value) {
    f.complete(value);
    queue.finishCurrent();
  }

  /** What to do with the answer, given how many times the request was sent. */
  private interface Answer<R> {
    void accept(R reply, int sends);
  }

  private <R> void until(Rpc<R> request, int sentBefore, Answer<R> onAnswer) {
    int sends = sentBefore + 1;
    ctx.call(
        server,
        request,
        reply -> {
          if (reply.isPresent()) {
            onAnswer.accept(reply.get(), sends);
          } else {
            until(request, sends, onAnswer);
          }
        });
  }
}
