package simlab.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import simlab.logging.Logs;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.raft.ReferenceRaftFactory;
import simlab.sim.NodeContext;
import simlab.sim.Simulation;
import simlab.sim.SimulationFailure;
import simlab.sim.TraceKind;

/**
 * The Raft lab's test harness, 6.5840's {@code config.go} (2024) on the simulator: n Raft servers
 * named {@code raft-0 .. raft-(n-1)}, the tester's copy of what each applied, fault injection with
 * 6.5840's connect/disconnect/crash/restart semantics, the agreement helpers ({@code
 * checkOneLeader}, {@code one}, {@code wait}, ...) and the invariant monitor.
 *
 * <p>Every wait is virtual ({@code sim.runFor}); a helper that fails throws a {@link
 * SimulationFailure} carrying 6.5840's message, the virtual time and the seed. Driver randomness
 * comes from named streams: {@link #random()} ("driver") for the tests, "harness" for the helpers'
 * own sleeps.
 */
public final class RaftCluster {
  /** 6.5840: "The tester generously allows solutions to complete elections in one second". */
  public static final Duration RAFT_ELECTION_TIMEOUT = Duration.ofMillis(1000);

  /** 3D: the persisted Raft state must stay below this many bytes (6.5840 MAXLOGSIZE). */
  public static final int MAX_LOG_SIZE = 2000;

  /** 3D: the tester snapshots after every this many applied commands (6.5840 SnapShotInterval). */
  public static final int SNAPSHOT_INTERVAL = 10;

  /**
   * 6.5840 fails a test that takes longer than this (here: virtual time since the cluster was
   * made).
   */
  public static final Duration TEST_TIME_LIMIT = Duration.ofSeconds(120);

  /** checkOneLeader: rounds, and each round's pause is BASE + U{0..SPREAD-1} ms. */
  public static final int CHECK_LEADER_ROUNDS = 10;

  public static final int CHECK_LEADER_BASE_MS = 450;
  public static final int CHECK_LEADER_SPREAD_MS = 100;

  /** one(): overall budget, per-attempt budget, commit poll period, pause when nobody accepted. */
  public static final Duration ONE_TOTAL = Duration.ofSeconds(10);

  public static final Duration ONE_ATTEMPT = Duration.ofSeconds(2);
  public static final Duration ONE_POLL = Duration.ofMillis(20);
  public static final Duration ONE_IDLE = Duration.ofMillis(50);

  /** wait(): iterations, first pause (doubling until it reaches WAIT_CAP). */
  public static final int WAIT_ITERATIONS = 30;

  public static final Duration WAIT_FIRST = Duration.ofMillis(10);
  public static final Duration WAIT_CAP = Duration.ofSeconds(1);

  /** How many servers hold index i in their applied log, and the command there. */
  public record Committed(int count, Object command) {}

  private final Simulation sim;
  private final int n;
  private final boolean snapshot;
  private final RaftFactory factory;
  private final List<String> ids = new ArrayList<>();
  private final boolean[] connected;
  private final List<Map<Integer, Object>> logs = new ArrayList<>();
  private final int[] lastApplied;
  private final String[] applyErr;
  private final RaftInvariantMonitor monitor;
  private final RandomGenerator driver;
  private final RandomGenerator harness;
  private final long createdAt;
  private long t0;
  private long rpcs0;
  private long bytes0;
  private int maxIndex;
  private int maxIndex0;

  /**
   * A cluster running the implementation under test: {@code -Dsim.raft} / {@code -Dsim.impl}, else
   * the reference.
   */
  private static final Logger LOG = Logs.get(RaftCluster.class);

  public static RaftCluster create(Simulation sim, int n, boolean reliable, boolean snapshot) {
    return new RaftCluster(
        sim,
        n,
        reliable,
        snapshot,
        Implementations.load(RaftFactory.class, "sim.raft", new ReferenceRaftFactory()));
  }

  /**
   * 6.5840's {@code make_config}. Note the polarity: 2024 passes {@code unreliable}, we pass {@code
   * reliable} (as 2025 does). Long delays are on, as in every Raft test.
   *
   * @param snapshot use the snapshotting applier (3D)
   */
  public RaftCluster(
      Simulation sim, int n, boolean reliable, boolean snapshot, RaftFactory factory) {
    this.sim = sim;
    this.n = n;
    this.snapshot = snapshot;
    this.factory = Objects.requireNonNull(factory, "factory");
    this.connected = new boolean[n];
    this.lastApplied = new int[n];
    this.applyErr = new String[n];
    this.driver = sim.random("driver");
    this.harness = sim.random("harness");
    this.createdAt = sim.nowNanos();
    for (int i = 0; i < n; i++) {
      ids.add("raft-" + i);
      logs.add(new HashMap<>());
    }
    this.monitor = new RaftInvariantMonitor(sim, ids, this::raft);
    setUnreliable(!reliable);
    sim.network().setLongDelays(true);
    // labrpc ends are created disabled: nobody talks until connect().
    for (String a : ids) {
      for (String b : ids) {
        if (!a.equals(b)) {
          sim.network().setLinkEnabled(a, b, false);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      int me = i;
      sim.addNode(ids.get(i), ids, ctx -> newServer(me, ctx));
    }
    sim.addMonitor(monitor);
    RaftStatusProbe.attach(sim, ids, this::raft);
    for (int i = 0; i < n; i++) {
      connect(i);
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} raft cluster started: {} servers, {} network, snapshots {}, {}",
          sim.logPrefix(),
          n,
          reliable ? "reliable" : "unreliable",
          snapshot ? "on" : "off",
          factory.getClass().getName());
    }
  }

  // ---- servers -----------------------------------------------------------------------

  /** Builds incarnation of server i: ingest the persisted snapshot (3D), then make the Raft. */
  private RaftServer newServer(int i, NodeContext ctx) {
    lastApplied[i] = 0;
    if (snapshot) {
      byte[] snap = ctx.persister().readSnapshot();
      if (snap.length > 0) {
        // mimic a service that restores its state before Raft starts (6.5840 start1)
        String err = ingestSnap(i, snap, -1);
        if (err != null) {
          throw fatal(appliersViolation(err));
        }
      }
    }
    monitor.serverStarted(i, lastApplied[i]);
    RaftServer server = new RaftServer(i, this::apply);
    server.attach(factory.make(ctx, List.copyOf(ids), i, server::deliver));
    return server;
  }

  /** 6.5840 crash1: disconnect, then drop the server keeping (a copy of) its persisted state. */
  public void crash1(int i) {
    sim.annotate("crash " + i);
    disconnect(i);
    sim.crash(ids.get(i));
  }

  /**
   * 6.5840 start1: crash if running, then start a fresh instance from the persisted state. Does not
   * connect.
   */
  public void start1(int i) {
    crash1(i);
    sim.annotate("restart " + i);
    sim.restart(ids.get(i));
  }

  /**
   * The 3D tests' "crash all, then revive all": crash every server first so none survives to help
   * the others, then start and connect each one again from its persisted state.
   */
  public void crashAndReviveAll() {
    for (int i = 0; i < n; i++) {
      crash1(i);
    }
    for (int i = 0; i < n; i++) {
      start1(i);
      connect(i);
    }
  }

  /** 6.5840 connect: link i with every other connected server, both ways. */
  public void connect(int i) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} connect {}", sim.logPrefix(), ids.get(i));
    }
    connected[i] = true;
    for (int j = 0; j < n; j++) {
      if (j != i && connected[j]) {
        sim.network().setConnected(ids.get(i), ids.get(j), true);
      }
    }
    annotatePartition("connect " + i);
  }

  /** 6.5840 disconnect: cut all of i's links, incoming and outgoing. */
  public void disconnect(int i) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} disconnect {}", sim.logPrefix(), ids.get(i));
    }
    connected[i] = false;
    for (int j = 0; j < n; j++) {
      if (j != i) {
        sim.network().setConnected(ids.get(i), ids.get(j), false);
      }
    }
    annotatePartition("disconnect " + i);
  }

  /**
   * 6.5840's tester annotation: the connected servers form one side, each disconnected one its own.
   */
  private void annotatePartition(String what) {
    StringBuilder side = new StringBuilder("[");
    StringBuilder alone = new StringBuilder();
    for (int j = 0; j < n; j++) {
      if (connected[j]) {
        side.append(side.length() > 1 ? " " : "").append(j);
      } else {
        alone.append(" [").append(j).append(']');
      }
    }
    sim.annotate(what + ": partition = " + side + "]" + alone);
  }

  public boolean isConnected(int i) {
    return connected[i];
  }

  /** The Raft of server i, or null while it is crashed. */
  public Raft raft(int i) {
    RaftServer s = sim.node(ids.get(i));
    return s == null ? null : s.raft();
  }

  public void setUnreliable(boolean unreliable) {
    sim.network().setReliable(!unreliable);
  }

  public void setLongReordering(boolean on) {
    sim.network().setLongReordering(on);
  }

  public long rpcTotal() {
    return sim.network().totalCount();
  }

  public long bytesTotal() {
    return sim.network().totalBytes();
  }

  public long rpcCount(int i) {
    return sim.network().rpcCount(ids.get(i));
  }

  /** The largest persisted Raft state of any server, in bytes (6.5840 LogSize). */
  public int logSize() {
    int max = 0;
    for (String id : ids) {
      max = Math.max(max, sim.persister(id).raftStateSize());
    }
    return max;
  }

  public int n() {
    return n;
  }

  public Simulation sim() {
    return sim;
  }

  public String id(int i) {
    return ids.get(i);
  }

  public RaftInvariantMonitor monitor() {
    return monitor;
  }

  /** The test driver's random stream ("driver"). */
  public RandomGenerator random() {
    return driver;
  }

  /** Go's rand.Int() for commands: a uniformly random non-negative int. */
  public int randInt() {
    return driver.nextInt() & Integer.MAX_VALUE;
  }

  /** 6.5840 randstring(n): n random URL-safe base64 characters (TestRPCBytes' commands). */
  public String randString(int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(driver.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** A driver-side pause in virtual time (Go's time.Sleep in a test). */
  public void sleep(Duration d) {
    sim.runFor(d);
  }

  /** A failure with 6.5840's message at the current virtual time (Go's t.Fatalf). */
  public SimulationFailure fatal(String message) {
    sim.annotate("FAILED: " + message);
    return sim.failure(message, null);
  }

  // ---- the appliers ------------------------------------------------------------------

  private void apply(int i, RaftServer from, ApplyMsg msg) {
    String err = null;
    if (msg instanceof ApplyMsg.Command c) {
      err = snapshot ? applySnapCommand(i, from, c) : applyCommand(i, c);
    } else if (msg instanceof ApplyMsg.Snapshot s && snapshot) {
      err = ingestSnap(i, s.snapshot(), s.index());
    }
    if (err != null) {
      applyErr[i] = err;
      throw fatal(appliersViolation(err));
    }
    monitor.observeApply(i, msg);
    sim.record(
        TraceKind.APPLY,
        "raft-" + i,
        msg instanceof ApplyMsg.Command c
            ? c.index() + "@" + c.term()
            : "snapshot@" + ((ApplyMsg.Snapshot) msg).index());
    if (snapshot && msg instanceof ApplyMsg.Command c && (c.index() + 1) % SNAPSHOT_INTERVAL == 0) {
      // applierSnap: the service snapshots its whole state, the tester's log 0..index
      List<Object> xlog = new ArrayList<>(c.index() + 1);
      for (int j = 0; j <= c.index(); j++) {
        xlog.add(logs.get(i).get(j));
      }
      byte[] encoded;
      try {
        encoded = new TesterSnapshot(c.index(), xlog).encode();
      } catch (IllegalArgumentException e) {
        throw fatal("Snapshot integrity violated (tester's applier): " + e.getMessage());
      }
      from.raft().snapshot(c.index(), encoded);
    }
  }

  /**
   * A failure of the tester's own appliers names the property that broke, as the invariant
   * monitor's do ({@code <property> violated (tester's applier): apply error: ...}), so the
   * explorer and a reader can tell a safety bug from a harness problem. The errors are built in
   * this class: a disagreement with another server's applied log breaks State Machine Safety, a gap
   * breaks the apply order, and a snapshot the tester cannot decode or that does not match its
   * index breaks snapshot integrity.
   */
  private static String appliersViolation(String err) {
    String property =
        err.startsWith("commit index=")
            ? "State Machine Safety"
            : err.contains("apply out of order") ? "Apply order" : "Snapshot integrity";
    return property + " violated (tester's applier): apply error: " + err;
  }

  /** 6.5840 applier (3A-3C): index-1 must be in this server's applied log. */
  private String applyCommand(int i, ApplyMsg.Command m) {
    String err = checkLogs(i, m);
    if (err == null && m.index() > 1 && !logs.get(i).containsKey(m.index() - 1)) {
      err = "server " + ids.get(i) + " apply out of order " + m.index();
    }
    logs.get(i).put(m.index(), m.command());
    maxIndex = Math.max(maxIndex, m.index());
    return err;
  }

  /** 6.5840 applierSnap (3D): commands must follow lastApplied exactly. */
  private String applySnapCommand(int i, RaftServer from, ApplyMsg.Command m) {
    String err = null;
    if (m.index() != lastApplied[i] + 1) {
      err =
          "server "
              + ids.get(i)
              + " apply out of order, expected index "
              + (lastApplied[i] + 1)
              + ", got "
              + m.index();
    }
    if (err == null) {
      err = applyCommand(i, m);
    }
    lastApplied[i] = m.index();
    return err;
  }

  /** Some other server already applied a different command at this index? */
  private String checkLogs(int i, ApplyMsg.Command m) {
    for (int j = 0; j < n; j++) {
      Map<Integer, Object> other = logs.get(j);
      if (other.containsKey(m.index()) && !Objects.equals(other.get(m.index()), m.command())) {
        return "commit index="
            + m.index()
            + " server="
            + ids.get(i)
            + " "
            + RaftInvariantMonitor.show(m.command())
            + " != server="
            + ids.get(j)
            + " "
            + RaftInvariantMonitor.show(other.get(m.index()));
      }
    }
    return null;
  }

  /** Replaces the tester's copy of server i's state by a snapshot; null or an error. */
  private String ingestSnap(int i, byte[] data, int index) {
    TesterSnapshot snap;
    try {
      snap = TesterSnapshot.decode(data);
    } catch (IllegalArgumentException e) {
      return "server " + ids.get(i) + ": " + e.getMessage();
    }
    if (index != -1 && index != snap.lastIncludedIndex()) {
      return "server "
          + ids.get(i)
          + " snapshot doesn't match m.SnapshotIndex ("
          + snap.lastIncludedIndex()
          + " vs "
          + index
          + ")";
    }
    Map<Integer, Object> log = new HashMap<>();
    for (int j = 0; j < snap.log().size(); j++) {
      log.put(j, snap.log().get(j));
    }
    logs.set(i, log);
    lastApplied[i] = snap.lastIncludedIndex();
    return null;
  }

  // ---- checks ------------------------------------------------------------------------

  /**
   * A leader among the connected servers (of the highest term); fatal if two share a term or none
   * appears.
   */
  public int checkOneLeader() {
    return checked("checkOneLeader", this::checkOneLeader0);
  }

  private int checkOneLeader0() {
    for (int iters = 0; iters < CHECK_LEADER_ROUNDS; iters++) {
      sleep(Duration.ofMillis(CHECK_LEADER_BASE_MS + harness.nextInt(CHECK_LEADER_SPREAD_MS)));
      TreeMap<Integer, List<Integer>> leaders = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        Raft rf = connected[i] ? raft(i) : null;
        if (rf != null) {
          Raft.RaftState st = rf.getState();
          if (st.isLeader()) {
            leaders.computeIfAbsent(st.term(), t -> new ArrayList<>()).add(i);
          }
        }
      }
      for (Map.Entry<Integer, List<Integer>> e : leaders.entrySet()) {
        if (e.getValue().size() > 1) {
          throw fatal("term " + e.getKey() + " has " + e.getValue().size() + " (>1) leaders");
        }
      }
      if (!leaders.isEmpty()) {
        return leaders.lastEntry().getValue().get(0);
      }
    }
    throw fatal("expected one leader, got none");
  }

  /** Marks a check's start in the timeline and runs it; its failure is marked by {@link #fatal}. */
  private <T> T checked(String name, java.util.function.Supplier<T> check) {
    sim.annotate("check " + name + " ...");
    T result = check.get();
    sim.annotate("check " + name + " passed" + (result == null ? "" : ": " + result));
    return result;
  }

  /** All connected servers report the same term; returns it (-1 if none is connected). */
  public int checkTerms() {
    return checked("checkTerms", this::checkTerms0);
  }

  private int checkTerms0() {
    int term = -1;
    for (int i = 0; i < n; i++) {
      Raft rf = connected[i] ? raft(i) : null;
      if (rf != null) {
        int xterm = rf.getState().term();
        if (term == -1) {
          term = xterm;
        } else if (term != xterm) {
          throw fatal("servers disagree on term (" + term + " vs " + xterm + ")");
        }
      }
    }
    return term;
  }

  /** No connected server believes it is the leader. */
  public void checkNoLeader() {
    checked(
        "checkNoLeader",
        () -> {
          checkNoLeader0();
          return null;
        });
  }

  private void checkNoLeader0() {
    for (int i = 0; i < n; i++) {
      Raft rf = connected[i] ? raft(i) : null;
      if (rf != null && rf.getState().isLeader()) {
        throw fatal(
            "expected no leader among connected servers, but " + i + " claims to be leader");
      }
    }
  }

  /**
   * How many servers have applied index {@code index}, and what; fatal on disagreement or an
   * applier error.
   */
  public Committed nCommitted(int index) {
    int count = 0;
    Object cmd = null;
    for (int i = 0; i < n; i++) {
      if (applyErr[i] != null) {
        throw fatal(appliersViolation(applyErr[i]));
      }
      Map<Integer, Object> log = logs.get(i);
      if (log.containsKey(index)) {
        Object cmd1 = log.get(index);
        if (count > 0 && !Objects.equals(cmd, cmd1)) {
          throw fatal(
              "committed values do not match: index "
                  + index
                  + ", "
                  + RaftInvariantMonitor.show(cmd)
                  + ", "
                  + RaftInvariantMonitor.show(cmd1));
        }
        count++;
        cmd = cmd1;
      }
    }
    return new Committed(count, cmd);
  }

  /**
   * Waits until at least {@code count} servers applied {@code index}, with doubling pauses. Empty
   * when {@code startTerm > -1} and some server moved past it (6.5840 returns -1 then).
   */
  public Optional<Object> wait(int index, int count, int startTerm) {
    Duration to = WAIT_FIRST;
    for (int iters = 0; iters < WAIT_ITERATIONS; iters++) {
      if (nCommitted(index).count() >= count) {
        break;
      }
      sleep(to);
      if (to.compareTo(WAIT_CAP) < 0) {
        to = to.multipliedBy(2);
      }
      if (startTerm > -1) {
        for (int i = 0; i < n; i++) {
          Raft rf = raft(i);
          if (rf != null && rf.getState().term() > startTerm) {
            return Optional.empty();
          }
        }
      }
    }
    Committed c = nCommitted(index);
    if (c.count() < count) {
      throw fatal("only " + c.count() + " decided for index " + index + "; wanted " + count);
    }
    return Optional.ofNullable(c.command());
  }

  /** A complete agreement on {@code cmd} by at least {@code expectedServers}; returns its index. */
  public int one(Object cmd, int expectedServers, boolean retry) {
    return checked(
        "one(" + RaftInvariantMonitor.show(cmd) + ")", () -> one0(cmd, expectedServers, retry));
  }

  private int one0(Object cmd, int expectedServers, boolean retry) {
    var future = oneAsync(cmd, expectedServers, retry);
    // one() fails by itself after about 12 s; the extra margin only guards the harness.
    if (!sim.runUntil(future::isDone, ONE_TOTAL.plus(ONE_ATTEMPT).plusSeconds(5))) {
      throw fatal("one(" + RaftInvariantMonitor.show(cmd) + ") failed to reach agreement");
    }
    return future.get();
  }

  /** {@link #one} running alongside the caller, like a goroutine: completes with the index. */
  public simlab.sim.SimFuture<Integer> oneAsync(Object cmd, int expectedServers, boolean retry) {
    return new OneCall(this, cmd, expectedServers, retry).start();
  }

  // ---- begin / end -------------------------------------------------------------------

  /** Prints e.g. {@code Test (3A): initial election ...} and starts the statistics. */
  public void begin(String description) {
    System.out.printf("%s ...%n", description);
    sim.annotate("phase: " + description);
    t0 = sim.nowNanos();
    rpcs0 = rpcTotal();
    bytes0 = bytesTotal();
    maxIndex0 = maxIndex;
  }

  /**
   * Checks the time limit and the invariants once more, then prints 6.5840's (2021-2024) line
   * {@code " ... Passed -- %4.1f %d %4d %7d %4d"}: virtual seconds, peers, RPCs sent, bytes,
   * commands committed (the highest applied index's rise).
   */
  public void end() {
    checkTimeout();
    monitor.fullCheck();
    sim.annotate("passed");
    double seconds = (sim.nowNanos() - t0) / 1e9;
    System.out.printf(
        "  ... Passed --  %4.1f  %d %4d %7d %4d%n",
        seconds, n, rpcTotal() - rpcs0, bytesTotal() - bytes0, maxIndex - maxIndex0);
  }

  /**
   * 6.5840 checkTimeout: a test may take at most 120 s (here virtual) since the cluster was made.
   */
  public void checkTimeout() {
    if (sim.nowNanos() - createdAt > TEST_TIME_LIMIT.toNanos()) {
      throw fatal("test took longer than 120 seconds");
    }
  }
}
