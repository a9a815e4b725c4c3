package simlab.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import simlab.kv.Clerk;
import simlab.kv.KvServer;
import simlab.kv.KvService;
import simlab.kv.ReferenceKv;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvOutput;
import simlab.logging.Logs;
import simlab.raft.RaftFactory;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;
import simlab.sim.TraceKind;

/**
 * The lab 4 test configuration (6.5840 2024 kvraft {@code config.go}): n replicas, each a node
 * "kv-i" hosting a Raft peer and a KV server; clerks are nodes "clerk-N". Partitions only cut
 * server-to-server links, as in 6.5840; which servers a clerk can reach is set per clerk. Every
 * operation issued through {@link #get}/{@link #put}/{@link #append}/ {@link #delete} is recorded
 * in {@link #history()} with virtual call and return times.
 */
public final class KvCluster {
  /**
   * What a driver waits at most for one operation before the test fails (6.5840's 120 s test cap).
   */
  public static final Duration OP_LIMIT = Duration.ofSeconds(120);

  private final Simulation sim;
  private final int n;
  private final KvService service;
  private final RaftFactory raftFactory;
  private final int maxRaftState;
  private final List<String> serverIds;
  private final List<ClerkHandle> clerks = new ArrayList<>();
  private final KvOpLog history = new KvOpLog();
  private final RaftGroupMonitor raftMonitor;
  private long ops;
  private String title;
  private long t0;
  private long rpcs0;
  private long ops0;

  /** A clerk node and the servers it may talk to. */
  public record ClerkHandle(String id, int index, Clerk clerk) {}

  private static final Logger LOG = Logs.get(KvCluster.class);

  /** Uses the implementations selected by -Dsim.kv / -Dsim.raft (reference by default). */
  public KvCluster(Simulation sim, int n, boolean unreliable, int maxRaftState) {
    this(
        sim,
        n,
        unreliable,
        maxRaftState,
        Implementations.load(KvService.class, "sim.kv", new ReferenceKv()),
        RaftImplementation.load());
  }

  public KvCluster(
      Simulation sim,
      int n,
      boolean unreliable,
      int maxRaftState,
      KvService service,
      RaftFactory raftFactory) {
    this.sim = sim;
    this.n = n;
    this.service = service;
    this.raftFactory = raftFactory;
    this.maxRaftState = maxRaftState;
    this.serverIds = IntStream.range(0, n).mapToObj(i -> "kv-" + i).toList();
    this.raftMonitor = new RaftGroupMonitor(sim, serverIds);
    RaftFactory monitored = raftMonitor.wrap(raftFactory);
    sim.network().setReliable(!unreliable);
    for (int i = 0; i < n; i++) {
      int me = i;
      sim.addNode(
          serverIds.get(i),
          serverIds,
          ctx -> service.makeServer(ctx, serverIds, me, monitored, maxRaftState));
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} kv cluster started: {} servers, {} network, maxraftstate {}, {} on {}",
          sim.logPrefix(),
          n,
          unreliable ? "unreliable" : "reliable",
          maxRaftState,
          service.getClass().getName(),
          raftFactory.getClass().getName());
    }
  }

  public Simulation sim() {
    return sim;
  }

  public int n() {
    return n;
  }

  public int maxRaftState() {
    return maxRaftState;
  }

  public List<Integer> all() {
    return IntStream.range(0, n).boxed().toList();
  }

  public String serverId(int i) {
    return serverIds.get(i);
  }

  public KvOpLog history() {
    return history;
  }

  /** The Raft invariant monitor of the servers' peers (runs after every event). */
  public RaftInvariantMonitor monitor() {
    return raftMonitor.monitor();
  }

  // ---- clerks ------------------------------------------------------------------------

  /** A new clerk that can reach only the servers in {@code to} (6.5840 makeClient). */
  public ClerkHandle makeClient(List<Integer> to) {
    int index = clerks.size();
    String id = "clerk-" + index;
    Clerk c = sim.addNode(id, ctx -> service.makeClerk(ctx, serverIds));
    ClerkHandle h = new ClerkHandle(id, index, c);
    clerks.add(h);
    connectClient(h, to);
    return h;
  }

  public void connectClient(ClerkHandle ck, List<Integer> to) {
    for (int i = 0; i < n; i++) {
      sim.network().setConnected(ck.id(), serverIds.get(i), to.contains(i));
    }
  }

  // ---- network and crashes -------------------------------------------------------------

  /** Links inside each side up, links across down (server-to-server links only). */
  public void partition(List<Integer> p1, List<Integer> p2) {
    sim.network().partition(List.of(ids(p1), ids(p2)));
  }

  /** Connects every server to every other server. */
  public void connectAll() {
    sim.network().partition(List.of(serverIds));
  }

  /** 6.5840 make_partition: a majority without the leader, and a minority with the leader last. */
  public List<List<Integer>> makePartition() {
    int l = Math.max(leader(), 0);
    List<Integer> p1 = new ArrayList<>();
    List<Integer> p2 = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (i != l) {
        (p1.size() < n / 2 + 1 ? p1 : p2).add(i);
      }
    }
    p2.add(l);
    return List.of(p1, p2);
  }

  /**
   * Crash: cut the server off from the other servers, then drop its memory (6.5840 ShutdownServer).
   */
  public void shutdownServer(int i) {
    for (int j = 0; j < n; j++) {
      if (j != i) {
        sim.network().setConnected(serverIds.get(i), serverIds.get(j), false);
      }
    }
    sim.crash(serverIds.get(i));
  }

  /** A fresh incarnation from its persisted state; it stays cut off until {@link #connectAll()}. */
  public void startServer(int i) {
    sim.restart(serverIds.get(i));
  }

  /** The index of a server whose Raft peer believes it leads, or -1. */
  public int leader() {
    for (int i = 0; i < n; i++) {
      KvServer s = sim.node(serverIds.get(i));
      if (s != null && s.raft().getState().isLeader()) {
        return i;
      }
    }
    return -1;
  }

  /** The largest persisted Raft state over all servers, in bytes. */
  public int logSize() {
    return serverIds.stream().mapToInt(id -> sim.persister(id).raftStateSize()).max().orElse(0);
  }

  /** The largest persisted snapshot over all servers, in bytes. */
  public int snapshotSize() {
    return serverIds.stream().mapToInt(id -> sim.persister(id).snapshotSize()).max().orElse(0);
  }

  // ---- recorded operations -------------------------------------------------------------

  public SimFuture<String> get(ClerkHandle ck, String key) {
    return record(ck, KvInput.get(key), c -> c.get(key), KvOutput::of);
  }

  public SimFuture<Void> put(ClerkHandle ck, String key, String value) {
    return record(ck, KvInput.put(key, value), c -> c.put(key, value), v -> KvOutput.NONE);
  }

  public SimFuture<Void> append(ClerkHandle ck, String key, String value) {
    return record(ck, KvInput.append(key, value), c -> c.append(key, value), v -> KvOutput.NONE);
  }

  public SimFuture<Void> delete(ClerkHandle ck, String key) {
    return record(ck, KvInput.delete(key), c -> c.delete(key), v -> KvOutput.NONE);
  }

  private <T> SimFuture<T> record(
      ClerkHandle ck, KvInput in, Function<Clerk, SimFuture<T>> op, Function<T, KvOutput> out) {
    ops++;
    KvOpLog.Pending p = history.called(ck.index(), in, sim.nowNanos());
    sim.record(TraceKind.INVOKE, ck.id(), in.toString());
    SimFuture<T> f = op.apply(ck.clerk());
    f.onComplete(
        v -> {
          KvOutput o = out.apply(v);
          sim.record(TraceKind.RETURN, ck.id(), String.valueOf(o));
          p.returned(o, sim.nowNanos());
        });
    return f;
  }

  /** Runs the simulation until {@code f} completes; fails the test after {@link #OP_LIMIT}. */
  public <T> T await(SimFuture<T> f, String what) {
    if (!sim.runUntil(f::isDone, OP_LIMIT)) {
      throw new AssertionError(
          what + " did not complete within " + OP_LIMIT.toSeconds() + " s of virtual time");
    }
    return f.get();
  }

  public String getSync(ClerkHandle ck, String key) {
    return await(get(ck, key), "Get(" + key + ")");
  }

  public void putSync(ClerkHandle ck, String key, String value) {
    await(put(ck, key, value), "Put(" + key + ")");
  }

  public void appendSync(ClerkHandle ck, String key, String value) {
    await(append(ck, key, value), "Append(" + key + ")");
  }

  /** 6.5840 check(): a Get must return {@code expected}. */
  public void check(ClerkHandle ck, String key, String expected) {
    String v = getSync(ck, key);
    if (!v.equals(expected)) {
      throw new AssertionError("Get(" + key + "): expected:\n" + expected + "\nreceived:\n" + v);
    }
  }

  // ---- test framing ----------------------------------------------------------------------

  public void begin(String description) {
    this.title = description;
    System.out.println(description + " ...");
    sim.annotate("phase: " + description);
    t0 = sim.nowNanos();
    rpcs0 = sim.network().totalCount();
    ops0 = ops;
  }

  /**
   * Prints the 2024 kvraft end line: virtual seconds, peers, RPCs (clerks' included), clerk ops.
   */
  public void end() {
    double secs = (sim.nowNanos() - t0) / 1e9;
    System.out.printf(
        "  ... Passed --  %4.1f  %d %5d %4d%n",
        secs, n, sim.network().totalCount() - rpcs0, ops - ops0);
  }

  public String title() {
    return title;
  }

  private List<String> ids(List<Integer> idx) {
    return idx.stream().map(serverIds::get).toList();
  }
}
