package simlab.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import simlab.logging.Logs;

/**
 * One deterministic run: a virtual clock, an event queue ordered by (time, sequence), seeded random
 * streams, the nodes and the network. One thread drives it; the test driver is ordinary sequential
 * code that advances virtual time explicitly.
 *
 * <p>Guards: a node that throws, or that keeps virtual time from advancing, ends the run with a
 * {@link SimulationFailure} naming the node, the event, the time and the seed; a thread interrupt
 * (the wall-clock cap of the test framework) ends it too.
 */
public final class Simulation {
  /** Events allowed inside one millisecond of virtual time before the run counts as livelocked. */
  public static final int LIVELOCK_EVENTS_PER_MS = 1_000_000;

  private final SeedStreams streams;
  private final Trace trace;
  private final Network network;
  private final PriorityQueue<Event> queue = new PriorityQueue<>();
  private final Map<String, Slot<?>> nodes = new LinkedHashMap<>();
  private final List<Runnable> monitors = new ArrayList<>();
  private long now;

  /** Harness-visible events (crash, restart) at DEBUG; reads the run, never changes it. */
  private static final Logger LOG = Logs.get(Simulation.class);

  private long seq;
  private long eventsRun;
  private long windowMs = -1;
  private int eventsInWindow;
  private NodeRuntime current;
  private String currentWhat;

  /** The live state of one node address across its incarnations. */
  private static final class Slot<T> {
    final String id;
    final List<String> peers;
    final NodeFactory<T> factory;
    Persister persister = new Persister();
    NodeRuntime runtime;
    T instance;
    int incarnations;

    Slot(String id, List<String> peers, NodeFactory<T> factory) {
      this.id = id;
      this.peers = peers;
      this.factory = factory;
    }
  }

  public Simulation(long seed) {
    this(seed, false);
  }

  /**
   * @param keepTraceLines keep every trace record in memory (for JSON Lines export)
   */
  public Simulation(long seed, boolean keepTraceLines) {
    this.streams = new SeedStreams(seed);
    this.trace = new Trace(keepTraceLines);
    this.network = new Network(this);
  }

  public long seed() {
    return streams.masterSeed();
  }

  public SeedStreams streams() {
    return streams;
  }

  /** A named random stream for the test driver or a fault injector. */
  public RandomGenerator random(String streamName) {
    return streams.stream(streamName);
  }

  public Network network() {
    return network;
  }

  public Trace trace() {
    return trace;
  }

  public Duration now() {
    return Duration.ofNanos(now);
  }

  public long nowNanos() {
    return now;
  }

  public long eventsRun() {
    return eventsRun;
  }

  // ---- nodes -------------------------------------------------------------------------

  public <T> T addNode(String id, NodeFactory<T> factory) {
    return addNode(id, List.of(), factory);
  }

  /** Registers a node address and starts its first incarnation. */
  public <T> T addNode(String id, List<String> peers, NodeFactory<T> factory) {
    if (nodes.containsKey(id)) {
      throw new IllegalArgumentException("node " + id + " already exists");
    }
    Slot<T> slot = new Slot<>(id, List.copyOf(peers), factory);
    nodes.put(id, slot);
    start(slot);
    return slot.instance;
  }

  /**
   * Drops the node's in-memory state, timers and in-flight replies; keeps a copy of its Persister.
   */
  public void crash(String id) {
    Slot<?> slot = slot(id);
    if (slot.runtime == null || !slot.runtime.alive) {
      return;
    }
    NodeRuntime dying = slot.runtime;
    dying.alive = false;
    trace.record(now, TraceKind.CRASH, id, null, null, dying.incarnation);
    trace.annotate(now, null, "crash " + id);
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} crash {} (incarnation {})", logPrefix(), id, dying.incarnation);
    }
    // The zombie keeps the old object; the next incarnation reads a copy (6.5840 crash1).
    slot.persister = slot.persister.copy();
    Object instance = slot.instance;
    slot.instance = null;
    if (instance instanceof Killable k) {
      runAs(
          dying,
          "kill",
          () -> {
            k.kill();
            return null;
          });
    }
  }

  /** Crashes the node if it is up, then builds a fresh incarnation from a copy of its Persister. */
  public <T> T restart(String id) {
    @SuppressWarnings("unchecked")
    Slot<T> slot = (Slot<T>) slot(id);
    crash(id);
    slot.persister = slot.persister.copy();
    if (LOG.isDebugEnabled()) {
      // Before start(), so the line precedes whatever the new incarnation logs as it starts.
      LOG.debug("{} restart {} (incarnation {})", logPrefix(), id, slot.incarnations + 1);
    }
    start(slot);
    trace.record(now, TraceKind.RESTART, id, null, null, slot.runtime.incarnation);
    trace.annotate(now, null, "restart " + id);
    return slot.instance;
  }

  private <T> void start(Slot<T> slot) {
    NodeRuntime rt =
        new NodeRuntime(this, slot.id, ++slot.incarnations, slot.persister, slot.peers);
    slot.runtime = rt;
    slot.instance = runAs(rt, "start", () -> slot.factory.create(rt));
  }

  /** The live instance at {@code id}, or null while it is crashed. */
  @SuppressWarnings("unchecked")
  public <T> T node(String id) {
    return (T) slot(id).instance;
  }

  public boolean isAlive(String id) {
    Slot<?> s = nodes.get(id);
    return s != null && s.runtime != null && s.runtime.alive;
  }

  /** The Persister the node's current (or next) incarnation uses. */
  public Persister persister(String id) {
    return slot(id).persister;
  }

  /** The context of the node's current incarnation (for harness code acting on its behalf). */
  public NodeContext context(String id) {
    return slot(id).runtime;
  }

  public List<String> nodeIds() {
    return List.copyOf(nodes.keySet());
  }

  NodeRuntime runtimeOf(String id) {
    Slot<?> s = nodes.get(id);
    return s == null || s.runtime == null || !s.runtime.alive ? null : s.runtime;
  }

  private Slot<?> slot(String id) {
    Slot<?> s = nodes.get(id);
    if (s == null) {
      throw new IllegalArgumentException("no node named " + id + "; known: " + nodes.keySet());
    }
    return s;
  }

  // ---- events ------------------------------------------------------------------------

  /** Schedules a driver-level action (not owned by any node). */
  public Timer schedule(Duration delay, Runnable action) {
    return scheduleAt(now + delay.toNanos(), null, "driver", null, action);
  }

  Event scheduleAt(long at, NodeRuntime owner, String label, TraceKind kind, Runnable action) {
    return scheduleAt(at, owner, label, label, kind, action);
  }

  /** As above; the kept trace shows {@code shown} where the hash sees {@code label}. */
  Event scheduleAt(
      long at, NodeRuntime owner, String label, String shown, TraceKind kind, Runnable action) {
    Event e =
        new Event(
            at,
            seq++,
            owner,
            label,
            kind == null
                ? action
                : () -> {
                  trace.record(
                      now,
                      kind,
                      owner == null ? null : owner.id,
                      null,
                      label,
                      shown,
                      0,
                      0,
                      0,
                      null);
                  action.run();
                });
    queue.add(e);
    return e;
  }

  /**
   * Records a harness-level event (client invoke/return, apply) in the trace at the current virtual
   * time, so it counts in the trace hash like network events do.
   */
  public void record(TraceKind kind, String node, String what) {
    trace.record(now, kind, node, null, what, 0);
  }

  /**
   * Marks the timeline at the current instant (the harness's partitions, crashes, phases and
   * checks). Kept in the trace for the report and the export, never hashed.
   */
  public void annotate(String text) {
    trace.annotate(now, null, text);
  }

  /** Adds a check that runs after every event; it fails the run by throwing. */
  public void addMonitor(Runnable monitor) {
    monitors.add(monitor);
  }

  /** Runs every event up to {@code now + d}; the clock ends at exactly {@code now + d}. */
  public void runFor(Duration d) {
    long end = now + d.toNanos();
    while (!queue.isEmpty() && queue.peek().at <= end) {
      step();
    }
    now = Math.max(now, end);
  }

  /**
   * Runs events until {@code condition} holds or {@code timeout} of virtual time passes. Returns
   * whether the condition holds; the clock stops at the event that satisfied it.
   */
  public boolean runUntil(BooleanSupplier condition, Duration timeout) {
    long end = now + timeout.toNanos();
    if (condition.getAsBoolean()) {
      return true;
    }
    while (!queue.isEmpty() && queue.peek().at <= end) {
      if (step() && condition.getAsBoolean()) {
        return true;
      }
    }
    now = Math.max(now, end);
    return condition.getAsBoolean();
  }

  /** Runs until the future completes or {@code timeout} passes. */
  public <T> Optional<T> await(SimFuture<T> future, Duration timeout) {
    runUntil(future::isDone, timeout);
    return future.isDone() ? Optional.ofNullable(future.get()) : Optional.empty();
  }

  /** Runs the next event. Returns false if it was skipped (cancelled or its node is dead). */
  private boolean step() {
    Event e = queue.poll();
    now = e.at;
    if (e.cancelled || (e.owner != null && !e.owner.alive)) {
      return false;
    }
    e.ran = true;
    eventsRun++;
    guardProgress(e);
    if (e.owner != null) {
      runAs(
          e.owner,
          e.label,
          () -> {
            e.action.run();
            return null;
          });
    } else {
      e.action.run();
    }
    for (int i = 0; i < monitors.size(); i++) {
      monitors.get(i).run();
    }
    return true;
  }

  private void guardProgress(Event e) {
    long ms = now / 1_000_000L;
    if (ms != windowMs) {
      windowMs = ms;
      eventsInWindow = 0;
    }
    if (++eventsInWindow > LIVELOCK_EVENTS_PER_MS) {
      throw failure(
          "virtual time is not advancing: more than "
              + LIVELOCK_EVENTS_PER_MS
              + " events within one millisecond; the last was '"
              + e.label
              + "' of node "
              + (e.owner == null ? "(network)" : e.owner.id)
              + " (a timer re-armed with zero delay, or a request/reply loop with no delay?)",
          null);
    }
    if ((eventsRun & 0xFFF) == 0 && Thread.currentThread().isInterrupted()) {
      throw failure("stopped by the wall-clock cap while running '" + e.label + "'", null);
    }
  }

  /** Runs node code, turning anything it throws into a failure that names the node and event. */
  <T> T runAs(NodeRuntime node, String what, Supplier<T> body) {
    NodeRuntime prevNode = current;
    String prevWhat = currentWhat;
    current = node;
    currentWhat = what;
    try {
      return body.get();
    } catch (SimulationFailure f) {
      throw f;
    } catch (RuntimeException | StackOverflowError | AssertionError ex) {
      // The message carries the node's stack, trimmed to its own frames, because test
      // reports (surefire, grade, replay) show messages but not always causes.
      throw new SimulationFailure(
          "node " + node.id + " threw " + ex + " while " + what,
          seed(),
          now,
          ex,
          NodeStackTrace.format(ex, "  "));
    } finally {
      current = prevNode;
      currentWhat = prevWhat;
    }
  }

  /** "[virtual time seed N]": what every diagnostic line about this run starts with. */
  public String logPrefix() {
    return "[" + SimulationFailure.formatTime(now) + " seed " + seed() + "]";
  }

  /** A failure at the current virtual time, naming the seed. */
  public SimulationFailure failure(String what, Throwable cause) {
    return new SimulationFailure(what, seed(), now, cause);
  }

  /** The node whose code is running right now, if any (for monitors' messages). */
  public Optional<String> currentNode() {
    return Optional.ofNullable(current).map(n -> n.id + " (" + currentWhat + ")");
  }
}
