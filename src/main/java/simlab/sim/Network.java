package simlab.sim;

import static simlab.sim.NetworkConfig.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import simlab.logging.Logs;

/**
 * The simulated network with labrpc's semantics (see {@link NetworkConfig} for the numbers).
 * Connectivity is per directed link, like labrpc's per-end enable: by default every link is up; the
 * harness disables links to disconnect servers or to build partitions.
 */
public final class Network {
  private static final long MS = 1_000_000L;

  /** Connectivity changes made by the harness, at DEBUG. */
  private static final Logger LOG = Logs.get(Network.class);

  private final Simulation sim;
  private final RandomGenerator rng;
  private final MessageCodec codec = new MessageCodec();
  private final Set<Link> disabled = new LinkedHashSet<>();
  private final Map<String, Long> perServerCount = new LinkedHashMap<>();
  private boolean reliable = true;
  private boolean longDelays;
  private boolean longReordering;
  private boolean duplicating;
  // Draws for duplication only, so turning it on leaves the stream "network" as it was.
  private RandomGenerator duplicateRng;
  // Clogged nodes: messages to or from them are held (in arrival order) until they unclog.
  private final Set<String> clogged = new LinkedHashSet<>();
  private final List<Held> held = new ArrayList<>();
  private long totalCount;

  /**
   * Numbers the calls so the kept trace can link a request to its delivery and reply (never
   * hashed).
   */
  private long callSeq;

  private long totalBytes;
  // Optional per-hop latency (bench profiles); null keeps the fixed BASE_LATENCY and draws nothing.
  private NetworkLatency latency;
  private RandomGenerator latencyRng;

  private record Link(String from, String to) {}

  /** A message that reached a clogged endpoint: delivered when both ends are unclogged. */
  private record Held(String from, String to, String type, Runnable arrival) {}

  Network(Simulation sim) {
    this.sim = sim;
    this.rng = sim.streams().stream("network");
  }

  public void setReliable(boolean reliable) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} network {}", sim.logPrefix(), reliable ? "reliable" : "unreliable");
    }
    if (reliable != this.reliable) {
      sim.annotate("network " + (reliable ? "reliable" : "unreliable"));
    }
    this.reliable = reliable;
    sim.trace()
        .record(
            sim.nowNanos(), TraceKind.LINK, null, null, reliable ? "reliable" : "unreliable", 0);
  }

  public boolean reliable() {
    return reliable;
  }

  /**
   * Calls to unreachable servers fail after up to 7 s instead of 100 ms (the Raft tests' setting).
   */
  public void setLongDelays(boolean on) {
    this.longDelays = on;
    sim.trace()
        .record(sim.nowNanos(), TraceKind.LINK, null, null, on ? "long-delays" : "short-delays", 0);
  }

  public void setLongReordering(boolean on) {
    if (on != longReordering) {
      sim.annotate(on ? "long reordering on" : "long reordering off");
    }
    this.longReordering = on;
    sim.trace()
        .record(
            sim.nowNanos(),
            TraceKind.LINK,
            null,
            null,
            on ? "long-reordering" : "no-reordering",
            0);
  }

  public boolean longReordering() {
    return longReordering;
  }

  /**
   * Duplicated, late requests on or off (see {@link NetworkConfig#DUPLICATE_PER_MILLE}); off by
   * default, and no lab suite turns it on.
   */
  public void setDuplicating(boolean on) {
    if (on != duplicating) {
      sim.annotate(on ? "duplication on" : "duplication off");
    }
    this.duplicating = on;
    if (on && duplicateRng == null) {
      duplicateRng = sim.streams().stream("network-duplicate");
    }
    sim.trace()
        .record(sim.nowNanos(), TraceKind.LINK, null, null, on ? "duplicate" : "no-duplicate", 0);
  }

  public boolean duplicating() {
    return duplicating;
  }

  /**
   * Every later hop (request and reply) takes a latency drawn from {@code l} instead of the fixed
   * {@link NetworkConfig#BASE_LATENCY}; {@code null} restores the default. The draws come from
   * their own stream {@code network-latency}, so the stream {@code network} (drops, unreliable
   * delays) sees the same sequence of draws as without it.
   */
  public void setLatency(NetworkLatency l) {
    this.latency = l;
    if (l != null && latencyRng == null) {
      latencyRng = sim.streams().stream("network-latency");
    }
    sim.trace()
        .record(
            sim.nowNanos(),
            TraceKind.LINK,
            null,
            null,
            l == null ? "latency base" : "latency " + l.describe(),
            0);
  }

  public NetworkLatency latency() {
    return latency;
  }

  private long hopNanos() {
    return latency == null ? BASE_LATENCY.toNanos() : latency.draw(latencyRng);
  }

  /**
   * Clogs or unclogs {@code node}. While a node is clogged, every request and reply to or from it
   * that would arrive is held instead (nothing is lost, handlers do not run); when it unclogs, the
   * held messages whose other end is not clogged either arrive one hop later, in the order they
   * were held. Calls to or from a clogged node therefore take as long as the clog lasts, like a
   * node whose NIC buffers everything for a while.
   */
  public void setClogged(String node, boolean on) {
    if (on ? clogged.add(node) : clogged.remove(node)) {
      sim.trace().record(sim.nowNanos(), TraceKind.LINK, node, null, on ? "clog" : "unclog", 0);
      if (!on) {
        release();
      }
    }
  }

  public boolean clogged(String node) {
    return !clogged.isEmpty() && clogged.contains(node);
  }

  /** Messages currently held by clogs. */
  public int heldCount() {
    return held.size();
  }

  private void release() {
    List<Held> still = new ArrayList<>();
    for (Held h : held) {
      if (clogged(h.from()) || clogged(h.to())) {
        still.add(h);
      } else {
        sim.trace()
            .record(sim.nowNanos(), TraceKind.LINK, h.from(), h.to(), "release " + h.type(), 0);
        // scheduled in hold order, so ties at the same instant keep that order
        sim.scheduleAt(
            sim.nowNanos() + BASE_LATENCY.toNanos(),
            null,
            "released " + h.type(),
            null,
            h.arrival());
      }
    }
    held.clear();
    held.addAll(still);
  }

  /** Runs {@code arrival} now, or holds it while either end is clogged. */
  private void arrive(String from, String to, String type, Runnable arrival) {
    if (clogged(from) || clogged(to)) {
      sim.trace().record(sim.nowNanos(), TraceKind.LINK, from, to, "hold " + type, 0);
      held.add(new Held(from, to, type, arrival));
      return;
    }
    arrival.run();
  }

  public void setLinkEnabled(String from, String to, boolean enabled) {
    boolean changed =
        enabled ? disabled.remove(new Link(from, to)) : disabled.add(new Link(from, to));
    if (changed) {
      sim.trace().record(sim.nowNanos(), TraceKind.LINK, from, to, enabled ? "up" : "down", 0);
    }
  }

  public boolean linkEnabled(String from, String to) {
    return disabled.isEmpty() || !disabled.contains(new Link(from, to));
  }

  /** Cuts every link into and out of {@code node}. */
  public void isolate(String node) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} isolate {}", sim.logPrefix(), node);
    }
    sim.annotate("isolate " + node);
    for (String other : sim.nodeIds()) {
      if (!other.equals(node)) {
        setLinkEnabled(node, other, false);
        setLinkEnabled(other, node, false);
      }
    }
  }

  /** Sets links between {@code a} and {@code b}, both directions. */
  public void setConnected(String a, String b, boolean enabled) {
    setLinkEnabled(a, b, enabled);
    setLinkEnabled(b, a, enabled);
  }

  /**
   * Splits the listed nodes into groups: links inside a group are up, links between groups are
   * down. Links to nodes not listed are left as they are.
   */
  public void partition(List<? extends Collection<String>> groups) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} partition {}", sim.logPrefix(), groups);
    }
    if (sim.trace().keepsLines()) {
      StringBuilder text = new StringBuilder("partition =");
      for (Collection<String> g : groups) {
        text.append(" [").append(String.join(" ", g)).append(']');
      }
      sim.annotate(text.toString());
    }
    for (int g = 0; g < groups.size(); g++) {
      for (String a : groups.get(g)) {
        for (int h = 0; h < groups.size(); h++) {
          for (String b : groups.get(h)) {
            if (!a.equals(b)) {
              setLinkEnabled(a, b, g == h);
            }
          }
        }
      }
    }
  }

  /** Brings every link up again. */
  public void healAll() {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} heal all links ({} were down)", sim.logPrefix(), disabled.size());
    }
    sim.annotate("heal all links");
    for (Link l : List.copyOf(disabled)) {
      setLinkEnabled(l.from(), l.to(), true);
    }
  }

  /** Every call submitted, including calls that could not be delivered (labrpc GetTotalCount). */
  public long totalCount() {
    return totalCount;
  }

  /** Request bytes at submit plus reply bytes for delivered replies (labrpc GetTotalBytes). */
  public long totalBytes() {
    return totalBytes;
  }

  /** Requests that reached {@code server}'s handlers (labrpc GetCount). */
  public long rpcCount(String server) {
    return perServerCount.getOrDefault(server, 0L);
  }

  public MessageCodec codec() {
    return codec;
  }

  <R> void send(NodeRuntime from, String to, Rpc<R> request, Consumer<Optional<R>> onReply) {
    totalCount++;
    MessageCodec.Sealed sealed = codec.seal(request);
    totalBytes += sealed.bytes();
    String type = request.getClass().getSimpleName();
    long id = ++callSeq;
    sim.trace()
        .record(
            sim.nowNanos(),
            TraceKind.SEND,
            from.id,
            to,
            type,
            type,
            sealed.bytes(),
            id,
            0,
            sealed.value());
    PendingCall<R> call = new PendingCall<>(id, from, to, type, onReply);
    NodeRuntime target = sim.runtimeOf(to);
    if (target == null || !linkEnabled(from.id, to)) {
      int ms = rng.nextInt(longDelays ? LONG_DELAY_MS : SHORT_FAIL_MS);
      sim.trace()
          .record(
              sim.nowNanos(),
              TraceKind.DROP,
              from.id,
              to,
              type + ":unreachable",
              type + ":unreachable",
              ms,
              id,
              0,
              null);
      failAfter(call, ms * MS);
      return;
    }
    long delay = hopNanos();
    if (!reliable) {
      delay += rng.nextInt(UNRELIABLE_DELAY_MS) * MS;
      if (rng.nextInt(1000) < DROP_PER_MILLE) {
        sim.trace()
            .record(
                sim.nowNanos(),
                TraceKind.DROP,
                from.id,
                to,
                type + ":request",
                type + ":request",
                0,
                id,
                0,
                null);
        failAfter(call, delay);
        return;
      }
    }
    Object value = sealed.value();
    sim.scheduleAt(
        sim.nowNanos() + delay,
        null,
        "deliver " + type,
        null,
        () -> arrive(from.id, to, type, () -> deliver(call, target, value)));
    if (duplicating && duplicateRng.nextInt(1000) < DUPLICATE_PER_MILLE) {
      long late = delay + (DUPLICATE_BASE_MS + duplicateRng.nextInt(DUPLICATE_SPREAD_MS)) * MS;
      // The copy's answer goes nowhere: the caller hears the first copy's reply only.
      PendingCall<R> copy = new PendingCall<>(id, from, to, type, r -> {});
      sim.scheduleAt(
          sim.nowNanos() + late,
          null,
          "deliver duplicate " + type,
          null,
          () -> arrive(from.id, to, type, () -> deliver(copy, target, value)));
    }
  }

  private void deliver(PendingCall<?> call, NodeRuntime target, Object request) {
    if (!target.alive) {
      // The server was killed while the request was in flight: labrpc notices within a poll.
      failAfter(call, rng.nextInt(SHORT_FAIL_MS) * MS);
      return;
    }
    perServerCount.merge(target.id, 1L, Long::sum);
    sim.trace()
        .record(
            sim.nowNanos(),
            TraceKind.DELIVER,
            target.id,
            call.caller.id,
            call.type,
            call.type,
            0,
            call.id,
            0,
            null);
    NodeRuntime.Handler h = target.handlers.get(request.getClass());
    if (h == null) {
      throw sim.failure(
          "node "
              + target.id
              + " has no handler for "
              + request.getClass().getName()
              + " (sent by "
              + call.caller.id
              + ")",
          null);
    }
    if (h.sync() != null) {
      Object reply =
          sim.runAs(
              target,
              "handling " + call.type + " from " + call.caller.id,
              () -> h.sync().apply(request));
      replyPath(call, target, reply);
    } else {
      AsyncReply responder = new AsyncReply(call, target);
      sim.runAs(
          target,
          "handling " + call.type + " from " + call.caller.id,
          () -> {
            h.async().handle(request, responder);
            return null;
          });
      if (!responder.answered) {
        responder.pollDeath();
      }
    }
  }

  private void replyPath(PendingCall<?> call, NodeRuntime target, Object reply) {
    if (!target.alive || !linkEnabled(call.caller.id, target.id)) {
      // labrpc re-checks "dead" after the handler: a killed server's answer never counts.
      failAfter(call, 0);
      return;
    }
    if (!reliable && rng.nextInt(1000) < DROP_PER_MILLE) {
      sim.trace()
          .record(
              sim.nowNanos(),
              TraceKind.DROP,
              target.id,
              call.caller.id,
              call.type + ":reply",
              call.type + ":reply",
              0,
              call.id,
              0,
              reply);
      failAfter(call, 0);
      return;
    }
    MessageCodec.Sealed sealed = codec.seal(reply);
    long sentAt = sim.nowNanos();
    long delay = hopNanos();
    if (longReordering && rng.nextInt(REORDER_DENOMINATOR) < REORDER_NUMERATOR) {
      delay = (REORDER_BASE_MS + rng.nextInt(1 + rng.nextInt(REORDER_SPREAD_MS))) * MS;
    }
    sim.scheduleAt(
        sim.nowNanos() + delay,
        null,
        "reply " + call.type,
        null,
        () ->
            arrive(
                target.id,
                call.caller.id,
                call.type,
                () -> {
                  totalBytes += sealed.bytes();
                  sim.trace()
                      .record(
                          sim.nowNanos(),
                          TraceKind.REPLY,
                          call.caller.id,
                          target.id,
                          call.type,
                          call.type,
                          sealed.bytes(),
                          call.id,
                          sentAt,
                          sealed.value());
                  call.finish(sealed.value());
                }));
  }

  private void failAfter(PendingCall<?> call, long delayNanos) {
    sim.scheduleAt(
        sim.nowNanos() + delayNanos,
        null,
        "no reply " + call.type,
        null,
        () -> {
          if (!call.done) {
            sim.trace()
                .record(
                    sim.nowNanos(),
                    TraceKind.NO_REPLY,
                    call.caller.id,
                    call.to,
                    call.type,
                    call.type,
                    0,
                    call.id,
                    0,
                    null);
          }
          call.finish(null);
        });
  }

  /** One outstanding call; its callback runs at most once, and only while the caller lives. */
  private final class PendingCall<R> {
    final long id;
    final NodeRuntime caller;
    final String to;
    final String type;
    final Consumer<Optional<R>> onReply;
    boolean done;

    PendingCall(
        long id, NodeRuntime caller, String to, String type, Consumer<Optional<R>> onReply) {
      this.id = id;
      this.caller = caller;
      this.to = to;
      this.type = type;
      this.onReply = onReply;
    }

    @SuppressWarnings("unchecked")
    void finish(Object replyOrNull) {
      if (done) {
        return;
      }
      done = true;
      if (!caller.alive) {
        return;
      }
      Optional<R> result = Optional.ofNullable((R) replyOrNull);
      sim.runAs(
          caller,
          (replyOrNull == null ? "no-reply callback of " : "reply callback of ") + type,
          () -> {
            onReply.accept(result);
            return null;
          });
    }
  }

  /** The responder handed to an asynchronous handler. */
  private final class AsyncReply implements NodeContext.Responder<Object> {
    final PendingCall<?> call;
    final NodeRuntime target;
    boolean answered;

    AsyncReply(PendingCall<?> call, NodeRuntime target) {
      this.call = call;
      this.target = target;
    }

    @Override
    public void reply(Object reply) {
      if (answered || call.done) {
        return;
      }
      answered = true;
      replyPath(call, target, reply);
    }

    @Override
    public void fail() {
      if (answered || call.done) {
        return;
      }
      answered = true;
      failAfter(call, 0);
    }

    /** labrpc polls every 100 ms whether the server of a pending call is gone. */
    void pollDeath() {
      sim.scheduleAt(
          sim.nowNanos() + DEAD_POLL.toNanos(),
          null,
          "dead-poll " + call.type,
          null,
          () -> {
            if (answered || call.done) {
              return;
            }
            if (!target.alive || !linkEnabled(call.caller.id, target.id)) {
              answered = true;
              failAfter(call, 0);
            } else {
              pollDeath();
            }
          });
    }
  }
}
