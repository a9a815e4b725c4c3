package simlab.kvsrv;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import simlab.sim.NodeContext;
import simlab.sim.Rpc;
import simlab.sim.SimFuture;

/** Resends each request until the server answers; writes carry (clientId, seq). */
public final class ReferenceKvSrvClerk implements KvSrvClerk {
  private final NodeContext ctx;
  private final String server;
  private final long clientId;
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private long seq;
  private boolean busy;

  public ReferenceKvSrvClerk(NodeContext ctx, String server) {
    this.ctx = ctx;
    this.server = server;
    this.clientId = ctx.random().nextLong();
  }

  @Override
  public SimFuture<String> get(String key) {
    SimFuture<String> f = new SimFuture<>();
    enqueue(() -> until(new GetArgs(key), r -> finish(f, r.value())));
    return f;
  }

  @Override
  public SimFuture<Void> put(String key, String value) {
    SimFuture<Void> f = new SimFuture<>();
    enqueue(() -> until(new PutAppendArgs(key, value, false, clientId, ++seq), r -> finish(f, null)));
    return f;
  }

  @Override
  public SimFuture<String> append(String key, String value) {
    SimFuture<String> f = new SimFuture<>();
    enqueue(() -> until(new PutAppendArgs(key, value, true, clientId, ++seq), r -> finish(f, r.value())));
    return f;
  }

  private void enqueue(Runnable op) {
    queue.add(op);
    if (!busy) {
      runNext();
    }
  }

  private void runNext() {
    Runnable op = queue.poll();
    busy = op != null;
    if (op != null) {
      op.run();
    }
  }

  private <T> void finish(SimFuture<T> f, T value) {
    busy = false;
    f.complete(value);
    if (!busy) {
      runNext();
    }
  }

  private <R> void until(Rpc<R> request, Consumer<R> onAnswer) {
    ctx.call(server, request, reply -> {
      if (reply.isPresent()) {
        onAnswer.accept(reply.get());
      } else {
        until(request, onAnswer);
      }
    });
  }
}
