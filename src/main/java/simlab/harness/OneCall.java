package simlab.harness;

import java.time.Duration;
import simlab.raft.Raft;
import simlab.sim.SimFuture;

/**
 * 6.5840's {@code one(cmd, expectedServers, retry)} as an event-driven state machine, so several
 * can run at once (TestUnreliableAgree3C's goroutines) and the sequential form is just "start one
 * and run the simulation until it finishes".
 *
 * <p>For up to {@link RaftCluster#ONE_TOTAL} it offers {@code cmd} to the connected servers
 * round-robin; once one accepts, it polls {@code nCommitted} every {@link RaftCluster#ONE_POLL} for
 * up to {@link RaftCluster#ONE_ATTEMPT}, succeeding when at least {@code expected} servers
 * committed this very command at that index. Nobody accepting means a pause of {@link
 * RaftCluster#ONE_IDLE}. Without {@code retry} a timed-out attempt is fatal.
 */
final class OneCall {
  private final RaftCluster cfg;
  private final Object cmd;
  private final int expected;
  private final boolean retry;
  private final SimFuture<Integer> result = new SimFuture<>();
  private long t0;
  private int starts;

  OneCall(RaftCluster cfg, Object cmd, int expected, boolean retry) {
    this.cfg = cfg;
    this.cmd = cmd;
    this.expected = expected;
    this.retry = retry;
  }

  /** Makes the first attempt now; the rest happens in scheduled events. */
  SimFuture<Integer> start() {
    t0 = cfg.sim().nowNanos();
    attempt();
    return result;
  }

  private void attempt() {
    if (cfg.sim().nowNanos() - t0 >= RaftCluster.ONE_TOTAL.toNanos()) {
      throw cfg.fatal("one(" + RaftInvariantMonitor.show(cmd) + ") failed to reach agreement");
    }
    int index = -1;
    for (int si = 0; si < cfg.n(); si++) {
      starts = (starts + 1) % cfg.n();
      Raft rf = cfg.isConnected(starts) ? cfg.raft(starts) : null;
      if (rf != null) {
        Raft.StartResult r = rf.start(cmd);
        if (r.isLeader()) {
          index = r.index();
          break;
        }
      }
    }
    if (index != -1) {
      poll(index, cfg.sim().nowNanos());
    } else {
      later(RaftCluster.ONE_IDLE, this::attempt);
    }
  }

  private void poll(int index, long t1) {
    if (cfg.sim().nowNanos() - t1 < RaftCluster.ONE_ATTEMPT.toNanos()) {
      RaftCluster.Committed c = cfg.nCommitted(index);
      if (c.count() > 0 && c.count() >= expected && java.util.Objects.equals(c.command(), cmd)) {
        result.complete(index);
        return;
      }
      later(RaftCluster.ONE_POLL, () -> poll(index, t1));
      return;
    }
    if (!retry) {
      throw cfg.fatal("one(" + RaftInvariantMonitor.show(cmd) + ") failed to reach agreement");
    }
    attempt();
  }

  private void later(Duration d, Runnable step) {
    cfg.sim().schedule(d, step);
  }
}
