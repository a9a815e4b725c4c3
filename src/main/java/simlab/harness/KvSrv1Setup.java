package simlab.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import simlab.kvsrv1.KvSrv1Service;
import simlab.kvsrv1.ReferenceKvSrv1;
import simlab.kvsrv1.VersionedClerk;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;
import simlab.sim.SimulationFailure;

/**
 * The lab 2 (2025) test configuration (6.5840's {@code kvsrv1/test.go} on {@code tester1}): one
 * server node {@value #SERVER} and clerk nodes "clerk-N", over a reliable or unreliable network.
 * Each clerk comes bare and wrapped by the {@link VersionedHistory} recorder; begin, checks and
 * failures are annotated for the run report.
 */
public final class KvSrv1Setup {
  public static final String SERVER = "kvsrv";

  /** How long one operation may take before the test gives up on it (virtual time). */
  public static final Duration OP_LIMIT = KvCluster.OP_LIMIT;

  private final Simulation sim;
  private final KvSrv1Service service;
  private final boolean reliable;
  private final VersionedHistory history;
  private final List<Clerk> clerks = new ArrayList<>();
  private long t0;
  private long rpcs0;
  private int ops0;

  public KvSrv1Setup(Simulation sim, boolean reliable) {
    this(
        sim,
        reliable,
        Implementations.load(KvSrv1Service.class, "sim.kvsrv1", new ReferenceKvSrv1()));
  }

  public KvSrv1Setup(Simulation sim, boolean reliable, KvSrv1Service service) {
    this.sim = sim;
    this.service = service;
    this.reliable = reliable;
    this.history = new VersionedHistory(sim);
    sim.network().setReliable(reliable);
    sim.annotate(reliable ? "network: reliable" : "network: unreliable");
    sim.addNode(SERVER, ctx -> service.makeServer(ctx));
  }

  /**
   * A clerk: its node id, its number (the client id in the history), the bare clerk (not recorded)
   * and the recording one.
   */
  public record Clerk(String node, int index, VersionedClerk bare, VersionedClerk recorded) {}

  public Clerk makeClerk() {
    int index = clerks.size();
    String node = "clerk-" + index;
    VersionedClerk bare = sim.addNode(node, ctx -> service.makeClerk(ctx, SERVER));
    Clerk c = new Clerk(node, index, bare, history.recording(index, node, bare));
    clerks.add(c);
    return c;
  }

  public Simulation sim() {
    return sim;
  }

  public boolean reliable() {
    return reliable;
  }

  public VersionedHistory history() {
    return history;
  }

  /** The server node as the implementation built it. */
  public Object server() {
    return sim.node(SERVER);
  }

  /** What the server keeps reachable, in estimated bytes ({@link StateBytes}). */
  public long serverStateBytes() {
    return StateBytes.of(server());
  }

  /** Runs the simulation until {@code f} completes; fails after {@link #OP_LIMIT}. */
  public <T> T await(SimFuture<T> f, String what) {
    if (!sim.runUntil(f::isDone, OP_LIMIT)) {
      throw fatal(what + " did not complete within " + OP_LIMIT.toSeconds() + " s of virtual time");
    }
    return f.get();
  }

  public void runFor(Duration d) {
    sim.runFor(d);
  }

  /** Prints and annotates the test's title, and starts the statistics. */
  public void begin(String title) {
    System.out.println(title + " ...");
    sim.annotate("phase: " + title);
    t0 = sim.nowNanos();
    rpcs0 = sim.network().totalCount();
    ops0 = history.size();
  }

  /** A failure with its message at the current virtual time, annotated on the run report. */
  public SimulationFailure fatal(String message) {
    sim.annotate("FAILED: " + message);
    return sim.failure(message, null);
  }

  /** The recorded history must be linearizable (within the step budget). */
  public void checkHistory(String testName, long seed) {
    history.check(testName, seed);
  }

  /** 2025's end line: {@code ... Passed -- time 1.0s #peers 1 #RPCs 32 #Ops 10}. */
  public void end() {
    sim.annotate("passed");
    System.out.printf(
        "  ... Passed --  time %.1fs #peers 1 #RPCs %d #Ops %d%n",
        (sim.nowNanos() - t0) / 1e9, sim.network().totalCount() - rpcs0, history.size() - ops0);
  }
}
