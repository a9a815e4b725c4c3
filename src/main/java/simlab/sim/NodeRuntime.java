package simlab.sim;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import simlab.logging.Logs;

/** The simulator's implementation of {@link NodeContext} for one incarnation of one node. */
final class NodeRuntime implements NodeContext {
  final Simulation sim;
  final String id;
  final int incarnation;
  final Persister persister;
  final RandomGenerator random;
  final List<String> peers;
  final Map<Class<?>, Handler> handlers = new HashMap<>();
  boolean alive = true;

  /** This node's slf4j logger, fetched on the first {@code log} call (most nodes never log). */
  private Logger logger;

  /** A registered request handler: exactly one of the two is set. */
  record Handler(Function<Object, Object> sync, AsyncHandler<Object, Object> async) {}

  NodeRuntime(Simulation sim, String id, int incarnation, Persister persister, List<String> peers) {
    this.sim = sim;
    this.id = id;
    this.incarnation = incarnation;
    this.persister = persister;
    this.peers = List.copyOf(peers);
    this.random = sim.streams().stream("node:" + id + "#" + incarnation);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Duration now() {
    return sim.now();
  }

  @Override
  public long nowNanos() {
    return sim.nowNanos();
  }

  @Override
  public RandomGenerator random() {
    return random;
  }

  @Override
  public Persister persister() {
    return persister;
  }

  @Override
  public <R> void call(String peer, Rpc<R> request, Consumer<Optional<R>> onReply) {
    if (!alive) {
      return;
    }
    sim.network().send(this, peer, request, onReply);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <Q extends Rpc<R>, R> void handle(Class<Q> type, Function<Q, R> handler) {
    register(type, new Handler((Function<Object, Object>) (Function<?, ?>) handler, null));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <Q extends Rpc<R>, R> void handleAsync(Class<Q> type, AsyncHandler<Q, R> handler) {
    register(type, new Handler(null, (AsyncHandler<Object, Object>) (AsyncHandler<?, ?>) handler));
  }

  private void register(Class<?> type, Handler h) {
    if (handlers.putIfAbsent(type, h) != null) {
      throw new IllegalStateException(
          "node " + id + " registered two handlers for " + type.getName());
    }
  }

  @Override
  public Timer schedule(String name, Duration delay, Runnable action) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException(
          "node " + id + " scheduled a timer with negative delay " + delay);
    }
    // The hash sees every timer as "timer" (as before names existed); the kept trace shows the
    // name.
    return sim.scheduleAt(
        sim.nowNanos() + delay.toNanos(), this, "timer", name, TraceKind.TIMER, action);
  }

  @Override
  public void annotate(String text) {
    sim.trace().annotate(sim.nowNanos(), id, text);
  }

  @Override
  public void status(String keyValues) {
    sim.trace().status(sim.nowNanos(), id, keyValues);
  }

  @Override
  public boolean alive() {
    return alive;
  }

  @Override
  public void log(String message) {
    sim.trace().note(sim.nowNanos(), id, message);
    if (logger == null) {
      logger = Logs.node(id);
    }
    if (logger.isDebugEnabled()) {
      logger.debug("{} {}", sim.logPrefix(), message);
    }
  }

  @Override
  public List<String> peers() {
    return peers;
  }

  @Override
  public String toString() {
    return id + "#" + incarnation + (alive ? "" : " (dead)");
  }
}
