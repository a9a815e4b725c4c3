package simlab.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import simlab.kvraft1.KvRaft1Server;
import simlab.kvraft1.KvRaft1Service;
import simlab.kvraft1.ReferenceKvRaft1;
import simlab.kvsrv1.VersionedClerk;
import simlab.raft.RaftFactory;
import simlab.rsm.ReferenceRsmFactory;
import simlab.rsm.RsmFactory;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;
import simlab.sim.SimulationFailure;

/**
 * The 2025 lab 4B/4C test configuration (6.5840 2025 {@code kvraft1/test.go} on {@code tester1}): n
 * replicas "kv-i", each the KV service being graded ({@code -Dsim.kvraft1}) on the RSM being graded
 * ({@code -Dsim.rsm}) on the Raft being graded ({@code -Dsim.raft}); clerks are nodes "clerk-N"
 * whose operations are recorded in one {@link VersionedHistory}. Partitions cut only
 * server-to-server links, as in 6.5840; which servers a clerk reaches is set per clerk. Every
 * partition, shutdown, restart, check and failure is annotated in the run's timeline.
 */
public final class KvRaft1Cluster {
  /** What a driver waits at most for one operation (6.5840's 120 s test cap). */
  public static final Duration OP_LIMIT = Duration.ofSeconds(120);

  private final Simulation sim;
  private final int n;
  private final int maxRaftState;
  private final KvRaft1Service service;
  private final List<String> serverIds;
  private final VersionedHistory history;
  private final RaftGroupMonitor raftMonitor;
  private int clerks;
  private String title;
  private long t0;
  private long rpcs0;
  private int ops0;

  /** A clerk node (recorded as client {@code index}) and its recording wrapper. */
  public record Clerk(String id, int index, VersionedClerk ck) {}

  /** Uses the implementations selected by -Dsim.kvraft1 / -Dsim.rsm / -Dsim.raft. */
  public KvRaft1Cluster(Simulation sim, int n, boolean unreliable, int maxRaftState) {
    this.sim = sim;
    this.n = n;
    this.maxRaftState = maxRaftState;
    this.service =
        Implementations.load(KvRaft1Service.class, "sim.kvraft1", new ReferenceKvRaft1());
    RsmFactory rsm = Implementations.load(RsmFactory.class, "sim.rsm", new ReferenceRsmFactory());
    this.serverIds = IntStream.range(0, n).mapToObj(i -> "kv-" + i).toList();
    this.history = new VersionedHistory(sim);
    this.raftMonitor = new RaftGroupMonitor(sim, serverIds);
    RaftFactory raft = raftMonitor.wrap(RaftImplementation.load());
    sim.network().setReliable(!unreliable);
    for (int i = 0; i < n; i++) {
      int me = i;
      sim.addNode(
          serverIds.get(i),
          serverIds,
          ctx -> service.makeServer(ctx, serverIds, me, rsm, raft, maxRaftState));
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

  public VersionedHistory history() {
    return history;
  }

  public List<Integer> all() {
    return IntStream.range(0, n).boxed().toList();
  }

  // ---- clerks ---------------------------------------------------------------------------

  /** A clerk that reaches every server (6.5840's {@code MakeClerk}). */
  public Clerk makeClerk() {
    return makeClerkTo(all());
  }

  /** A clerk that reaches only the servers in {@code to} (6.5840's {@code MakeClerkTo}). */
  public Clerk makeClerkTo(List<Integer> to) {
    int index = clerks++;
    String id = "clerk-" + index;
    VersionedClerk raw = sim.addNode(id, ctx -> service.makeClerk(ctx, serverIds));
    Clerk c = new Clerk(id, index, history.recording(index, id, raw));
    connectClerk(c, to);
    return c;
  }

  /** Which servers the clerk reaches ({@code Clnt.ConnectAll} is {@code all()}). */
  public void connectClerk(Clerk c, List<Integer> to) {
    for (int i = 0; i < n; i++) {
      sim.network().setConnected(c.id(), serverIds.get(i), to.contains(i));
    }
  }

  // ---- network, crashes, leader -----------------------------------------------------------

  /** Links inside each side up, links across down (server-to-server only). */
  public void partition(List<Integer> p1, List<Integer> p2) {
    sim.network().partition(List.of(ids(p1), ids(p2)));
    sim.annotate("partition = " + p1 + " " + p2);
  }

  /** Every server linked with every other. */
  public void connectAll() {
    sim.network().partition(List.of(serverIds));
    sim.annotate("connect all servers: partition = " + all());
  }

  /** 6.5840's {@code MakePartition(l)}: a majority without {@code l}, the rest with {@code l}. */
  public List<List<Integer>> makePartition(int l) {
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

  /** 6.5840's {@code Group.Shutdown}: cut every server off and kill it (persisters kept). */
  public void shutdownAll() {
    sim.annotate("shut down all servers");
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (j != i) {
          sim.network().setConnected(serverIds.get(i), serverIds.get(j), false);
        }
      }
      sim.crash(serverIds.get(i));
    }
  }

  /** 6.5840's {@code Group.StartServers}: fresh incarnations from the persisters, cut off. */
  public void startAll() {
    sim.annotate("restart all servers");
    for (String id : serverIds) {
      sim.restart(id);
    }
  }

  /** A server whose Raft believes it leads, waiting up to 10 s for one; -1 if none. */
  public int leader() {
    int[] found = {-1};
    sim.runUntil(
        () -> {
          for (int i = 0; i < n; i++) {
            KvRaft1Server s = sim.node(serverIds.get(i));
            if (s != null && s.raft().getState().isLeader()) {
              found[0] = i;
              return true;
            }
          }
          return false;
        },
        Duration.ofSeconds(10));
    return found[0];
  }

  /** The largest persisted Raft state, in bytes (6.5840's {@code Group.LogSize}). */
  public int logSize() {
    return serverIds.stream().mapToInt(id -> sim.persister(id).raftStateSize()).max().orElse(0);
  }

  /** The largest snapshot, in bytes (6.5840's {@code Group.SnapshotSize}). */
  public int snapshotSize() {
    return serverIds.stream().mapToInt(id -> sim.persister(id).snapshotSize()).max().orElse(0);
  }

  // ---- waiting and failing ---------------------------------------------------------------

  /** Runs the simulation until {@code f} completes; a test failure after {@link #OP_LIMIT}. */
  public <T> T await(SimFuture<T> f, String what) {
    if (!sim.runUntil(f::isDone, OP_LIMIT)) {
      throw fatal(what + " did not complete within " + OP_LIMIT.toSeconds() + " s");
    }
    return f.get();
  }

  /** Go's {@code t.Fatalf}: marks the failure in the timeline and fails the test. */
  public SimulationFailure fatal(String message) {
    sim.annotate("FAILED: " + message);
    return sim.failure(message, null);
  }

  // ---- test framing ----------------------------------------------------------------------

  public void begin(String description) {
    title = description;
    System.out.println(description + " ...");
    sim.annotate("phase: " + description);
    t0 = sim.nowNanos();
    rpcs0 = sim.network().totalCount();
    ops0 = history.size();
  }

  /** 6.5840's end line: virtual seconds, servers, RPCs (clerks' included), recorded ops. */
  public void end() {
    sim.annotate("passed");
    System.out.printf(
        "  ... Passed --  %4.1f  %d %5d %4d%n",
        (sim.nowNanos() - t0) / 1e9, n, sim.network().totalCount() - rpcs0, history.size() - ops0);
  }

  public String title() {
    return title;
  }

  private List<String> ids(List<Integer> idx) {
    return idx.stream().map(serverIds::get).toList();
  }
}
