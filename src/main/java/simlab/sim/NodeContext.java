package simlab.sim;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Everything a node may use to see and act on the world. A node holds no threads, reads no clock
 * and draws no unseeded randomness: it reacts to requests, replies and timers.
 *
 * <p>This is the only coupling between protocol code (Raft, KV, shards) and the simulator, so a
 * real runtime (sockets + wall clock) could implement it without any change to the protocols.
 */
public interface NodeContext {

  /** This node's address, e.g. {@code "raft-2"}. Stable across restarts. */
  String id();

  /** Current time. Virtual in the simulator; it only moves between events. */
  Duration now();

  /** Current time in nanoseconds, the same instant as {@link #now()}. */
  long nowNanos();

  /** This incarnation's random stream, derived from the master seed and the node id. */
  RandomGenerator random();

  /**
   * Durable storage that survives crashes of this node: the simulator's in-memory {@link
   * Persister}, or files in the node's data directory on a real network.
   */
  Storage persister();

  /**
   * Sends {@code request} to {@code peer}. {@code onReply} runs exactly once, later, with the
   * reply, or with {@link Optional#empty()} when there is no reply: the request or the reply was
   * lost, the peer is dead or unreachable (labrpc's {@code ok == false}). If this node crashes
   * first, the callback never runs (its state is gone anyway).
   */
  <R> void call(String peer, Rpc<R> request, Consumer<Optional<R>> onReply);

  /** Registers a handler that answers a request of this type at once. */
  <Q extends Rpc<R>, R> void handle(Class<Q> type, Function<Q, R> handler);

  /**
   * Registers a handler that answers later (for example once a command commits): it gets a {@link
   * Responder}. A reply sent after this node crashed is discarded, and a caller whose peer never
   * answers is told "no reply" once the peer dies or is cut off.
   */
  <Q extends Rpc<R>, R> void handleAsync(Class<Q> type, AsyncHandler<Q, R> handler);

  /** One-shot timer named "timer"; the action runs after {@code delay} unless cancelled first. */
  default Timer schedule(Duration delay, Runnable action) {
    return schedule("timer", delay, action);
  }

  /**
   * A one-shot timer with a name ("election", "heartbeat", "retry", ...) that the trace export and
   * the run report show; the name stays out of the trace hash, so naming a timer never changes a
   * run.
   */
  Timer schedule(String name, Duration delay, Runnable action);

  /** Runs {@code action} as a separate event at the current time, after what is queued now. */
  default Timer defer(Runnable action) {
    return schedule("defer", Duration.ZERO, action);
  }

  /** Whether this incarnation is still alive; false after it crashed or was killed. */
  boolean alive();

  /**
   * Writes a free-form line to the trace (kept out of the trace hash) and, when asked with {@code
   * -Dsim.log=debug}, to the slf4j logger {@code simlab.node.<id>}, prefixed with the virtual time
   * and seed. Off by default and free when off.
   */
  void log(String message);

  /**
   * Marks the run's timeline at this instant with {@code text} (shown by the run report and the
   * trace export, kept out of the trace hash): a student's own annotation, as 6.5840's tester
   * offers. Free when the trace is not kept.
   */
  void annotate(String text);

  /**
   * Publishes this node's status as space-separated {@code key=value} pairs, e.g. {@code
   * "role=leader term=3 commit=7 last=9"}; the run report draws {@code role} and {@code term} over
   * time and shows the rest on click. Kept out of the trace hash; free when the trace is not kept.
   * Raft servers get theirs from the harness.
   */
  void status(String keyValues);

  /**
   * The members of this node's group, in group order and itself included: 6.5840's {@code peers[]},
   * which a server's {@code me} indexes (the same list the Raft and service factories receive).
   * Empty for a node outside any group, such as a clerk.
   */
  List<String> peers();

  @FunctionalInterface
  interface AsyncHandler<Q, R> {
    void handle(Q request, Responder<R> responder);
  }

  /** Answers one asynchronous request; only the first answer counts. */
  interface Responder<R> {
    void reply(R reply);

    /** Tells the caller "no reply" now, as if the request were lost. */
    void fail();
  }
}
