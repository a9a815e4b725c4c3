package simlab.rsm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import simlab.harness.Implementations;
import simlab.harness.RaftGroupMonitor;
import simlab.harness.RaftImplementation;
import simlab.harness.RaftStatusProbe;
import simlab.raft.RaftFactory;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;
import simlab.sim.SimulationFailure;
import simlab.testing.Seed;

/**
 * 6.5840 2025's rsm tester ({@code kvraft1/rsm/test.go}): NSRV counter servers, each a {@link
 * CounterServer} under the RSM being graded ({@code -Dsim.rsm}, reference {@link
 * ReferenceRsmFactory}) on the Raft being graded ({@code -Dsim.raft}), on a reliable network. The
 * tests submit straight into the replicas' RSMs, as the Go tests call {@code rsm.Submit}. Every
 * connect, partition, shutdown, restart, check and failure is annotated in the run's timeline.
 */
final class RsmTester {
  static final int NSRV = 3;

  /** How long {@link #one} keeps trying before it gives up (6.5840's NSEC). */
  static final Duration NSEC = Duration.ofSeconds(10);

  /** The pause between rounds over the servers in {@link #one}. */
  private static final Duration ROUND_PAUSE = Duration.ofMillis(50);

  final Simulation sim;
  final int maxRaftState;
  private final List<String> ids = IntStream.range(0, NSRV).mapToObj(i -> "rsm-" + i).toList();
  private final boolean[] connected = new boolean[NSRV];
  private int leader;
  private String title;
  private long t0;

  RsmTester(Seed seed, int maxRaftState) {
    this.sim = seed.newSimulation();
    this.maxRaftState = maxRaftState;
    RsmFactory rsmFactory =
        Implementations.load(RsmFactory.class, "sim.rsm", new ReferenceRsmFactory());
    RaftFactory raft = new RaftGroupMonitor(sim, ids).wrap(RaftImplementation.load());
    sim.network().setReliable(true);
    for (int i = 0; i < NSRV; i++) {
      int me = i;
      sim.addNode(
          ids.get(i), ids, ctx -> new CounterServer(ctx, ids, me, rsmFactory, raft, maxRaftState));
      connected[i] = true;
    }
    RaftStatusProbe.attach(
        sim,
        ids,
        i -> {
          CounterServer s = server(i);
          return s == null ? null : s.rsm.raft();
        });
  }

  /** The live replica {@code i}, or null while it is shut down. */
  CounterServer server(int i) {
    return sim.node(ids.get(i));
  }

  // ---- test framing --------------------------------------------------------------------

  void begin(String description) {
    title = description;
    System.out.println(description + " ...");
    sim.annotate("phase: " + description);
    t0 = sim.nowNanos();
  }

  void end() {
    sim.annotate("passed");
    System.out.printf(
        "  ... Passed --  %4.1f  %d %5d%n",
        (sim.nowNanos() - t0) / 1e9, NSRV, sim.network().totalCount());
  }

  /** Go's {@code ts.Fatalf}: marks the failure in the timeline and fails the test. */
  SimulationFailure fatal(String message) {
    sim.annotate("FAILED: " + message);
    return sim.failure(title + ": " + message, null);
  }

  /** A driver-side pause (Go's {@code time.Sleep}). */
  void sleep(Duration d) {
    sim.runFor(d);
  }

  // ---- submitting ----------------------------------------------------------------------

  /**
   * 6.5840's {@code onePartition}: submits {@code req} to every connected, live server in {@code p}
   * (all when null), starting at the last one that answered OK, round after round with a 50 ms
   * pause, until one answers OK (its reply) or {@link #NSEC} has passed (null). Event-driven: the
   * returned future is one Go goroutine's result.
   */
  SimFuture<Object> one(List<Integer> p, Object req) {
    SimFuture<Object> result = new SimFuture<>();
    new OneLoop(p, req, result, sim.nowNanos()).round();
    return result;
  }

  /** Submits an Inc until some server applies it; a test failure if none does within NSEC. */
  CounterServer.IncRep oneInc() {
    return oneIncPartition(null);
  }

  CounterServer.IncRep oneIncPartition(List<Integer> p) {
    Object rep = await(one(p, new CounterServer.Inc()), NSEC.plusSeconds(1), "Inc");
    if (rep == null) {
      throw fatal("Inc: no server applied it within " + NSEC.toSeconds() + " s");
    }
    if (!(rep instanceof CounterServer.IncRep r)) {
      throw fatal("Inc answered " + rep + ", not an IncRep");
    }
    return r;
  }

  /** A Go goroutine running {@code ts.oneNull()}: completes when {@link #one} returns. */
  SimFuture<Object> oneNull() {
    return one(null, new CounterServer.Null());
  }

  <T> T await(SimFuture<T> f, Duration limit, String what) {
    if (!sim.runUntil(f::isDone, limit)) {
      throw fatal(what + " did not return within " + limit.toSeconds() + " s");
    }
    return f.get();
  }

  private final class OneLoop {
    final List<Integer> p;
    final Object req;
    final SimFuture<Object> result;
    final long startNanos;

    OneLoop(List<Integer> p, Object req, SimFuture<Object> result, long startNanos) {
      this.p = p;
      this.req = req;
      this.result = result;
      this.startNanos = startNanos;
    }

    void round() {
      if (sim.nowNanos() - startNanos >= NSEC.toNanos()) {
        result.complete(null);
        return;
      }
      attempt(leader, 0);
    }

    void attempt(int index, int tried) {
      if (tried == NSRV) {
        sim.schedule(ROUND_PAUSE, this::round);
        return;
      }
      CounterServer s = server(index);
      if (s == null || !connected[index] || (p != null && !p.contains(index))) {
        attempt((index + 1) % NSRV, tried + 1);
        return;
      }
      s.rsm
          .submit(req)
          .onComplete(
              // Continue as the driver, not inside whichever node completed the future.
              sub ->
                  sim.schedule(
                      Duration.ZERO,
                      () -> {
                        if (sub.err() == RsmErr.OK) {
                          leader = index;
                          result.complete(sub.result());
                        } else {
                          attempt((index + 1) % NSRV, tried + 1);
                        }
                      }));
    }
  }

  // ---- checks --------------------------------------------------------------------------

  int countValue(int v) {
    int n = 0;
    for (int i = 0; i < NSRV; i++) {
      CounterServer s = server(i);
      if (s != null && s.counter == v) {
        n++;
      }
    }
    return n;
  }

  /** 6.5840's {@code checkCounter}: at least {@code nsrv} replicas reach {@code v}, polled. */
  void checkCounter(int v, int nsrv) {
    sim.annotate("check counter = " + v + " at " + nsrv + " servers ...");
    Duration to = Duration.ofMillis(10);
    int n = 0;
    for (int iters = 0; iters < 30; iters++) {
      n = countValue(v);
      if (n >= nsrv) {
        sim.annotate("check counter passed");
        return;
      }
      sleep(to);
      if (to.compareTo(Duration.ofSeconds(1)) < 0) {
        to = to.multipliedBy(2);
      }
    }
    throw fatal("checkCounter: only " + n + " srvs have " + v + " instead of " + nsrv);
  }

  /** The largest persisted Raft state over all replicas (Go's {@code Group.LogSize}). */
  int logSize() {
    return ids.stream().mapToInt(id -> sim.persister(id).raftStateSize()).max().orElse(0);
  }

  // ---- leader, network, crashes ----------------------------------------------------------

  /** Go's {@code rsm.Leader}: a connected, live replica whose Raft leads; waits up to NSEC. */
  int leader() {
    int[] found = {-1};
    boolean ok =
        sim.runUntil(
            () -> {
              for (int i = 0; i < NSRV; i++) {
                CounterServer s = server(i);
                if (s != null && connected[i] && s.rsm.raft().getState().isLeader()) {
                  found[0] = i;
                  return true;
                }
              }
              return false;
            },
            NSEC);
    if (!ok) {
      throw fatal("no leader within " + NSEC.toSeconds() + " s");
    }
    return found[0];
  }

  int disconnectLeader() {
    int l = leader();
    disconnect(l);
    return l;
  }

  void disconnect(int i) {
    connected[i] = false;
    for (int j = 0; j < NSRV; j++) {
      if (j != i) {
        sim.network().setConnected(ids.get(i), ids.get(j), false);
      }
    }
    annotatePartition("disconnect " + i);
  }

  void connect(int i) {
    connected[i] = true;
    for (int j = 0; j < NSRV; j++) {
      if (j != i && connected[j]) {
        sim.network().setConnected(ids.get(i), ids.get(j), true);
      }
    }
    annotatePartition("connect " + i);
  }

  /** Go's {@code MakePartition(l)}: a majority without {@code l}, and {@code l} with the rest. */
  List<List<Integer>> makePartition(int l) {
    List<Integer> p1 = new ArrayList<>();
    List<Integer> p2 = new ArrayList<>();
    for (int i = 0; i < NSRV; i++) {
      if (i != l) {
        (p1.size() < NSRV / 2 + 1 ? p1 : p2).add(i);
      }
    }
    p2.add(l);
    return List.of(p1, p2);
  }

  /** Links within each side up, across down; every server counts as connected (to its side). */
  void partition(List<Integer> p1, List<Integer> p2) {
    sim.network().partition(List.of(names(p1), names(p2)));
    for (int i = 0; i < NSRV; i++) {
      connected[i] = true;
    }
    sim.annotate("partition = " + p1 + " " + p2);
  }

  /** Go's {@code Group.Shutdown}: disconnect and kill every replica (persisted state kept). */
  void shutdownAll() {
    sim.annotate("shut down all servers");
    for (int i = 0; i < NSRV; i++) {
      disconnect(i);
      sim.crash(ids.get(i));
    }
  }

  /** Go's {@code Group.StartServers}: a fresh incarnation of each from its persister, connected. */
  void startAll() {
    sim.annotate("restart all servers");
    for (int i = 0; i < NSRV; i++) {
      sim.restart(ids.get(i));
    }
    for (int i = 0; i < NSRV; i++) {
      connect(i);
    }
  }

  private List<String> names(List<Integer> idx) {
    return idx.stream().map(ids::get).toList();
  }

  private void annotatePartition(String what) {
    StringBuilder side = new StringBuilder("[");
    StringBuilder alone = new StringBuilder();
    for (int j = 0; j < NSRV; j++) {
      if (connected[j]) {
        side.append(side.length() > 1 ? " " : "").append(j);
      } else {
        alone.append(" [").append(j).append(']');
      }
    }
    sim.annotate(what + ": partition = " + side + "]" + alone);
  }
}
