package simlab.raft;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import simlab.harness.RaftCluster;
import simlab.sim.SimFuture;

/**
 * One client goroutine of 6.5840's churn tests ({@code cfn}) as scheduled driver actions. Each
 * round it offers a random int to every live server; if one accepts, it checks {@code nCommitted}
 * at once and after pauses of 10, 20, 50, 100 and 200 ms (the Go loop checks, then sleeps),
 * recording the value as its own if it committed at that index. Otherwise it pauses {@code 79 + 17
 * * me} ms. After {@link #stop()} it finishes at its next round and completes {@link #values()} —
 * the Go client's reply on its channel.
 */
final class ChurnClient {
  private static final int[] POLL_MS = {10, 20, 50, 100, 200};

  private final RaftCluster cfg;
  private final int me;
  private final RandomGenerator random;
  private final List<Integer> values = new ArrayList<>();
  private final SimFuture<List<Integer>> done = new SimFuture<>();
  private boolean stop;

  ChurnClient(RaftCluster cfg, int me) {
    this.cfg = cfg;
    this.me = me;
    this.random = cfg.sim().random("client:" + me);
  }

  /** Starts the client loop as a separate event, as {@code go cfn(i, ...)} does. */
  void start() {
    cfg.sim().schedule(Duration.ZERO, this::round);
  }

  void stop() {
    stop = true;
  }

  SimFuture<List<Integer>> values() {
    return done;
  }

  private void round() {
    if (stop) {
      done.complete(List.copyOf(values));
      return;
    }
    int x = random.nextInt() & Integer.MAX_VALUE;
    int index = -1;
    boolean ok = false;
    for (int i = 0; i < cfg.n(); i++) {
      // try them all, maybe one of them is a leader
      Raft rf = cfg.raft(i);
      if (rf != null) {
        Raft.StartResult r = rf.start(x);
        if (r.isLeader()) {
          ok = true;
          index = r.index();
        }
      }
    }
    if (ok) {
      poll(x, index, 0);
    } else {
      cfg.sim().schedule(Duration.ofMillis(79 + me * 17L), this::round);
    }
  }

  private void poll(int x, int index, int step) {
    if (step == POLL_MS.length) {
      round();
      return;
    }
    RaftCluster.Committed c = cfg.nCommitted(index);
    if (c.count() > 0) {
      if (!(c.command() instanceof Integer xx)) {
        throw cfg.fatal("wrong command type");
      }
      if (xx == x) {
        values.add(x);
      }
      // the next round is its own event, so a run of instant commits cannot nest calls
      cfg.sim().schedule(Duration.ZERO, this::round);
      return;
    }
    cfg.sim().schedule(Duration.ofMillis(POLL_MS[step]), () -> poll(x, index, step + 1));
  }
}
