package simlab.workload;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import simlab.harness.RaftCluster;
import simlab.raft.Raft;
import simlab.sim.SimFuture;

/**
 * Lab 3 clients: each proposes unique commands ({@code (client + 1) * 1_000_000 + seq}, so the 3D
 * applier can snapshot them) through {@link Raft#start} and waits until the command is applied at
 * the index the leader gave it. A client tries servers round-robin starting with the last one that
 * accepted; when none accepts it waits {@link #IDLE}; when its entry is overwritten by another
 * command it proposes the command again, and when it is not applied within {@link #ATTEMPT} it
 * proposes it again starting with the next server (so a command may end up in the log twice, as
 * with 6.5840's {@code one(cmd, n, retry=true)}). Use a cluster made with the snapshotting applier
 * on to exercise InstallSnapshot and restarts from snapshots.
 */
public final class RaftWorkload extends LoopWorkload {
  public static final Duration POLL = Duration.ofMillis(20);

  /**
   * How long a client waits for its command before proposing it again elsewhere. Short, like a
   * clerk's RPC timeout: a leader cut off from the majority still accepts commands, and only
   * clients that give up on it soon send the majority's new leader commands for the same indices
   * (the history a deposed leader's stale AppendEntries can then damage).
   */
  public static final Duration ATTEMPT = Duration.ofMillis(500);

  public static final Duration IDLE = Duration.ofMillis(50);

  private final RaftCluster cluster;
  private final WorkloadParams params;
  private final Map<Integer, Integer> acknowledged = new TreeMap<>();

  /** Uses {@code clients}, {@code opsPerClient} and {@code think} of the params. */
  public RaftWorkload(RaftCluster cluster, WorkloadParams params) {
    this.cluster = cluster;
    this.params = params;
  }

  @Override
  public void start() {
    for (int c = 0; c < params.clients(); c++) {
      int client = c;
      int[] guess = {c % cluster.n()};
      loops.add(
          new OpLoop(
              cluster.sim(),
              params.opsPerClient(),
              params.think(),
              seq -> {
                countIssued();
                SimFuture<Integer> done = new SimFuture<>();
                propose((client + 1) * 1_000_000 + seq, guess, done);
                return done;
              }));
    }
    loops.forEach(OpLoop::start);
  }

  private void propose(int cmd, int[] guess, SimFuture<Integer> done) {
    for (int k = 0; k < cluster.n(); k++) {
      int i = (guess[0] + k) % cluster.n();
      Raft rf = cluster.raft(i);
      if (rf == null) {
        continue;
      }
      Raft.StartResult r = rf.start(cmd);
      if (r.isLeader()) {
        guess[0] = i;
        poll(cmd, r.index(), cluster.sim().nowNanos(), guess, done);
        return;
      }
    }
    cluster.sim().schedule(IDLE, () -> propose(cmd, guess, done));
  }

  private void poll(int cmd, int index, long since, int[] guess, SimFuture<Integer> done) {
    RaftCluster.Committed c = cluster.nCommitted(index);
    if (c.count() > 0 && Objects.equals(c.command(), cmd)) {
      acknowledged.put(index, cmd);
      done.complete(index);
    } else if (c.count() > 0) {
      propose(cmd, guess, done);
    } else if (cluster.sim().nowNanos() - since >= ATTEMPT.toNanos()) {
      // No progress there: a leader cut off from the majority still says it leads, so try the
      // next server first (a clerk's retry). The cut-off leader keeps the entry it was given.
      guess[0] = (guess[0] + 1) % cluster.n();
      propose(cmd, guess, done);
    } else {
      cluster.sim().schedule(POLL, () -> poll(cmd, index, since, guess, done));
    }
  }

  /** Index -> command of every command a client saw applied (acknowledged to it). */
  public Map<Integer, Integer> acknowledged() {
    return Collections.unmodifiableMap(acknowledged);
  }

  @Override
  public void stop() {
    loops.forEach(OpLoop::stop);
  }

  @Override
  public boolean finished() {
    return loops.stream().allMatch(OpLoop::finished);
  }
}
