package simlab.kvsrv;

import java.util.function.Consumer;
import simlab.client.OneAtATime;
import simlab.sim.NodeContext;
import simlab.sim.Rpc;
import simlab.sim.SimFuture;

/** Resends each request until the server answers; writes carry (clientId, seq). */
public final class ReferenceKvSrvClerk implements KvSrvClerk {
  private final NodeContext ctx;
  private final String server;
  private final long clientId;
  private final OneAtATime<Runnable> queue = new OneAtATime<>(Runnable::run);
  private long seq;

  public ReferenceKvSrvClerk(NodeContext ctx, String server) {
    this.ctx = ctx;
    this.server = server;
    this.clientId = ctx.random().nextLong();
  }

  @Override
  public SimFuture<String> get(String key) {
    SimFuture<String> f = new SimFuture<>();
    queue.submit(() -> until(new GetArgs(key), r -> finish(f, r.value())));
    return f;
  }

  @Override
  public SimFuture<Void> put(String key, String value) {
    SimFuture<Void> f = new SimFuture<>();
    queue.submit(
        () -> until(new PutAppendArgs(key, value, false, clientId, ++seq), r -> finish(f, null)));
    return f;
  }

  @Override
  public SimFuture<String> append(String key, String value) {
    SimFuture<String> f = new SimFuture<>();
    queue.submit(
        () ->
            until(new PutAppendArgs(key, value, true, clientId, ++seq), r -> finish(f, r.value())));
    return f;
  }

  private <T> void finish(SimFuture<T> f, T value) {
    f.complete(value);
    queue.finishCurrent();
  }

  private <R> void until(Rpc<R> request, Consumer<R> onAnswer) {
    ctx.call(
        server,
        request,
        reply -> {
          if (reply.isPresent()) {
            onAnswer.accept(reply.get());
          } else {
            until(request, onAnswer);
          }
        });
  }
}
