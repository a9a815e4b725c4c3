package simlab.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import simlab.raft.AppendEntries;
import simlab.sim.NodeContext;
import simlab.sim.Rpc;
import simlab.sim.Storage;
import simlab.sim.Timer;

/**
 * A {@link NodeContext} that passes everything through to the real one and tells an {@link
 * ElectionObserver} when this node sends an AppendEntries and when one reaches its handler. This is
 * how the election benchmark sees heartbeats without a hook in Raft.
 */
final class ObservedContext implements NodeContext {
  private final NodeContext ctx;
  private final int me;
  private final ElectionObserver observer;

  ObservedContext(NodeContext ctx, int me, ElectionObserver observer) {
    this.ctx = ctx;
    this.me = me;
    this.observer = observer;
  }

  @Override
  public String id() {
    return ctx.id();
  }

  @Override
  public Duration now() {
    return ctx.now();
  }

  @Override
  public long nowNanos() {
    return ctx.nowNanos();
  }

  @Override
  public RandomGenerator random() {
    return ctx.random();
  }

  @Override
  public Storage persister() {
    return ctx.persister();
  }

  @Override
  public <R> void call(String peer, Rpc<R> request, Consumer<Optional<R>> onReply) {
    if (request instanceof AppendEntries ae) {
      observer.sent(me, ae.term(), ctx.nowNanos());
    }
    ctx.call(peer, request, onReply);
  }

  @Override
  public <Q extends Rpc<R>, R> void handle(Class<Q> type, Function<Q, R> handler) {
    ctx.handle(
        type,
        q -> {
          seen(q);
          return handler.apply(q);
        });
  }

  @Override
  public <Q extends Rpc<R>, R> void handleAsync(Class<Q> type, AsyncHandler<Q, R> handler) {
    ctx.handleAsync(
        type,
        (q, responder) -> {
          seen(q);
          handler.handle(q, responder);
        });
  }

  private void seen(Object q) {
    if (q instanceof AppendEntries ae) {
      observer.received(me, ae.leader(), ae.term(), ctx.nowNanos());
    }
  }

  @Override
  public Timer schedule(String name, Duration delay, Runnable action) {
    return ctx.schedule(name, delay, action);
  }

  @Override
  public Timer defer(Runnable action) {
    return ctx.defer(action);
  }

  @Override
  public boolean alive() {
    return ctx.alive();
  }

  @Override
  public void log(String message) {
    ctx.log(message);
  }

  @Override
  public void annotate(String text) {
    ctx.annotate(text);
  }

  @Override
  public void status(String keyValues) {
    ctx.status(keyValues);
  }

  @Override
  public List<String> peers() {
    return ctx.peers();
  }
}
