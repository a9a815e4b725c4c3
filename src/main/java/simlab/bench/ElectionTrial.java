package simlab.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import simlab.raft.Raft;
import simlab.raft.RaftIntrospection;
import simlab.raft.RaftTiming;
import simlab.raft.ReferenceRaft;
import simlab.sim.NetworkLatency;
import simlab.sim.Simulation;

/**
 * One trial of the Figure 16 experiment (Raft paper §9.3, "Leader election"), in one fresh
 * simulation of {@code n} reference Raft servers:
 *
 * <ol>
 *   <li>wait until server 0 (given a shorter timeout by the setup) is elected and every follower
 *       has heard from it, and commit a few commands everywhere;
 *   <li>wait for the leader's next heartbeat broadcast: the synchronized heartbeat, which resets
 *       every follower's election timer at about the same time;
 *   <li>right after it, cut the leader's links to {@code lagging} followers and propose one more
 *       command, which only the others receive: the lagging ones now have shorter logs, so they
 *       cannot win an election (the paper's "different log lengths"). The command's AppendEntries
 *       (and the one announcing its commit) also reach the others, so their timers restart a little
 *       after the heartbeat's;
 *   <li>crash the leader {@code crashFraction} of a heartbeat interval after the synchronized
 *       heartbeat;
 *   <li>downtime: from the crash until every surviving server other than the new leader has
 *       received an AppendEntries from the new leader (its first heartbeat).
 * </ol>
 *
 * A trial that has not recovered after {@code capMs} of virtual time ends there, censored.
 */
final class ElectionTrial {
  /**
   * A trial's outcome: downtime in ns (the cap if {@code censored}), the crashed leader, the new
   * leader (-1 if censored) and the followers that were made to lag.
   */
  record Outcome(
      long downtimeNanos, boolean censored, int oldLeader, int newLeader, List<Integer> lagging) {
    /**
     * No trial: the cluster never held a leader long enough to set one up (e.g. 12-24 ms on a lossy
     * network).
     */
    static final Outcome UNSTABLE = new Outcome(-1, false, -1, -1, List.of());

    boolean unstable() {
      return downtimeNanos < 0;
    }

    double ms() {
      return downtimeNanos / 1e6;
    }
  }

  /** What a trial needs; {@code timing.apply(i)} is server i's timing. */
  record Setup(
      int n,
      IntFunction<RaftTiming> timing,
      NetworkLatency latency,
      boolean lossy,
      int lagging,
      long capMs) {}

  private ElectionTrial() {}

  /**
   * Runs one trial. {@code crashFraction} in [0, 1) places the crash inside the leader's heartbeat
   * interval; {@code pick} chooses the lagging followers.
   */
  static Outcome run(long seed, Setup s, double crashFraction, RandomGenerator pick) {
    return run(seed, s, crashFraction, pick, 0);
  }

  /**
   * Setups that go wrong (no leader, or the wrong one) start over from a derived seed, a few times.
   */
  private static final int SETUP_ATTEMPTS = 20;

  private static Outcome run(
      long seed, Setup s, double crashFraction, RandomGenerator pick, int attempt) {
    if (attempt >= SETUP_ATTEMPTS) {
      return Outcome.UNSTABLE;
    }
    Simulation sim = new Simulation(seed);
    if (s.latency() != null) {
      sim.network().setLatency(s.latency());
    }
    sim.network().setReliable(!s.lossy());
    ElectionObserver obs = new ElectionObserver(s.n());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < s.n(); i++) {
      ids.add("s" + i);
    }
    for (int i = 0; i < s.n(); i++) {
      int me = i;
      List<String> others = new ArrayList<>(ids);
      others.remove(me);
      RaftTiming timing = s.timing().apply(i);
      sim.addNode(
          ids.get(i),
          others,
          ctx -> new ReferenceRaft(new ObservedContext(ctx, me, obs), ids, me, msg -> {}, timing));
    }
    Duration setupLimit = Duration.ofSeconds(10);
    // 1. a leader everyone follows, and a few commands committed everywhere
    int[] leader = {-1};
    boolean elected =
        sim.runUntil(() -> (leader[0] = stableLeader(sim, ids, obs)) >= 0, setupLimit);
    int l = leader[0];
    if (!elected || l != 0) {
      // The setup gives server 0 the short timeout of a leader-to-be; another leader would put
      // that timeout among the survivors. Rare: start over from a derived seed.
      return run(seed * 31 + 17, s, crashFraction, pick, attempt + 1);
    }
    Raft lr = sim.node(ids.get(l));
    int last = 0;
    for (int c = 1; c <= 3; c++) {
      last = lr.start(c).index();
    }
    int want = last;
    if (!sim.runUntil(() -> allCommitted(sim, ids, want) || !isLeader(sim, ids, l), setupLimit)
        || !isLeader(sim, ids, l)) {
      // The leader changed while committing (possible on a lossy network): start over from scratch.
      return run(seed + 0x9E3779B97F4A7C15L, s, crashFraction, pick, attempt + 1);
    }
    // 2. the synchronized heartbeat
    long before = obs.lastSendAt(l);
    long hb = s.timing().apply(l).heartbeat().toNanos();
    sim.runUntil(
        () -> obs.lastSendAt(l) > before && sim.nowNanos() > before, Duration.ofNanos(2 * hb));
    long h = sim.nowNanos();
    int oldTerm = ((RaftIntrospection) lr).currentTerm();
    // 3. lagging followers miss the next command
    List<Integer> followers = new ArrayList<>();
    for (int i = 0; i < s.n(); i++) {
      if (i != l) {
        followers.add(i);
      }
    }
    List<Integer> lagging = new ArrayList<>();
    for (int k = 0; k < s.lagging(); k++) {
      int f = followers.remove(pick.nextInt(followers.size()));
      lagging.add(f);
      sim.network().setLinkEnabled(ids.get(l), ids.get(f), false);
    }
    if (!lagging.isEmpty()) {
      lr.start(4);
    }
    // 4. the crash, at a point of the heartbeat interval
    long crashAt = h + (long) (crashFraction * hb);
    sim.runFor(Duration.ofNanos(crashAt - sim.nowNanos()));
    sim.crash(ids.get(l));
    // 5. until the survivors other than the new leader have heard the new leader
    List<Integer> alive = new ArrayList<>();
    for (int i = 0; i < s.n(); i++) {
      if (i != l) {
        alive.add(i);
      }
    }
    long[] end = {-1};
    boolean done =
        sim.runUntil(
            () -> (end[0] = recovered(obs, alive, oldTerm)) >= 0, Duration.ofMillis(s.capMs()));
    if (!done) {
      return new Outcome(s.capMs() * 1_000_000L, true, l, -1, lagging);
    }
    int newLeader = -1;
    for (int i : alive) {
      if (isLeader(sim, ids, i)) {
        newLeader = i;
      }
    }
    return new Outcome(end[0] - crashAt, false, l, newLeader, lagging);
  }

  /**
   * The time the last survivor heard a new leader, if some survivor leads a newer term that all
   * others heard.
   */
  static long recovered(ElectionObserver obs, List<Integer> alive, int oldTerm) {
    for (int candidate : alive) {
      int[] others =
          alive.stream().filter(i -> i != candidate).mapToInt(Integer::intValue).toArray();
      long t = obs.allHeardNewLeader(others, oldTerm);
      if (t >= 0 && obs.leaderHeardBy(others[0]) == candidate) {
        return t;
      }
    }
    return -1;
  }

  private static int stableLeader(Simulation sim, List<String> ids, ElectionObserver obs) {
    for (int i = 0; i < ids.size(); i++) {
      if (isLeader(sim, ids, i)) {
        int term = ((RaftIntrospection) sim.node(ids.get(i))).currentTerm();
        List<Integer> alive = new ArrayList<>();
        for (int j = 0; j < ids.size(); j++) {
          alive.add(j);
        }
        if (recovered(obs, alive, term - 1) >= 0) {
          return i;
        }
      }
    }
    return -1;
  }

  private static boolean isLeader(Simulation sim, List<String> ids, int i) {
    Raft r = sim.node(ids.get(i));
    return r != null && r.getState().isLeader();
  }

  private static boolean allCommitted(Simulation sim, List<String> ids, int index) {
    for (String id : ids) {
      if (((RaftIntrospection) sim.node(id)).commitIndex() < index) {
        return false;
      }
    }
    return true;
  }
}
