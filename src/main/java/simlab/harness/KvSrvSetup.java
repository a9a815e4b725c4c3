package simlab.harness;

import java.time.Duration;
import simlab.kvsrv.KvSrvClerk;
import simlab.kvsrv.KvSrvServer;
import simlab.kvsrv.KvSrvService;
import simlab.kvsrv.ReferenceKvSrv;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvOutput;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;

/**
 * The lab 2 test configuration (6.5840 2024 kvsrv {@code config.go}): one server node "kvsrv" and
 * clerk nodes "clerk-N", over a reliable or unreliable network. Operations issued through it are
 * recorded with virtual call/return times.
 */
public final class KvSrvSetup {
  public static final String SERVER = "kvsrv";

  private final Simulation sim;
  private final KvSrvService service;
  private final KvOpLog history = new KvOpLog();
  private int clerks;
  private long ops;
  private long t0;
  private long rpcs0;
  private long ops0;

  public KvSrvSetup(Simulation sim, boolean unreliable) {
    this(
        sim,
        unreliable,
        Implementations.load(KvSrvService.class, "sim.kvsrv", new ReferenceKvSrv()));
  }

  public KvSrvSetup(Simulation sim, boolean unreliable, KvSrvService service) {
    this.sim = sim;
    this.service = service;
    sim.network().setReliable(!unreliable);
    sim.addNode(SERVER, ctx -> service.makeServer(ctx));
  }

  public Simulation sim() {
    return sim;
  }

  public KvSrvServer server() {
    return sim.node(SERVER);
  }

  public KvOpLog history() {
    return history;
  }

  /** A clerk handle: its node id, its number (the client id in the history) and the clerk. */
  public record Clerk(String id, int index, KvSrvClerk clerk) {}

  public Clerk makeClient() {
    int index = clerks++;
    String id = "clerk-" + index;
    return new Clerk(id, index, sim.addNode(id, ctx -> service.makeClerk(ctx, SERVER)));
  }

  public SimFuture<String> get(Clerk ck, String key) {
    ops++;
    KvOpLog.Pending p = history.called(ck.index(), KvInput.get(key), sim.nowNanos());
    SimFuture<String> f = ck.clerk().get(key);
    f.onComplete(v -> p.returned(KvOutput.of(v), sim.nowNanos()));
    return f;
  }

  public SimFuture<Void> put(Clerk ck, String key, String value) {
    ops++;
    KvOpLog.Pending p = history.called(ck.index(), KvInput.put(key, value), sim.nowNanos());
    SimFuture<Void> f = ck.clerk().put(key, value);
    f.onComplete(v -> p.returned(KvOutput.NONE, sim.nowNanos()));
    return f;
  }

  /**
   * Append returns the old value (6.5840 2024); it is recorded as the output, and the model checks
   * it.
   */
  public SimFuture<String> append(Clerk ck, String key, String value) {
    ops++;
    KvOpLog.Pending p = history.called(ck.index(), KvInput.append(key, value), sim.nowNanos());
    SimFuture<String> f = ck.clerk().append(key, value);
    f.onComplete(v -> p.returned(v == null ? KvOutput.NONE : KvOutput.of(v), sim.nowNanos()));
    return f;
  }

  public <T> T await(SimFuture<T> f, String what) {
    if (!sim.runUntil(f::isDone, KvCluster.OP_LIMIT)) {
      throw new AssertionError(
          what
              + " did not complete within "
              + KvCluster.OP_LIMIT.toSeconds()
              + " s of virtual time");
    }
    return f.get();
  }

  public void runFor(Duration d) {
    sim.runFor(d);
  }

  public void begin(String title) {
    System.out.println(title + " ...");
    t0 = sim.nowNanos();
    rpcs0 = sim.network().totalCount();
    ops0 = ops;
  }

  public void end() {
    System.out.printf(
        "  ... Passed --  %4.1f  %d %5d %4d%n",
        (sim.nowNanos() - t0) / 1e9, 1, sim.network().totalCount() - rpcs0, ops - ops0);
  }
}
