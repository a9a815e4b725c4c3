package simlab.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import simlab.raft.RaftTiming;
import simlab.sim.NetworkLatency;
import simlab.sim.SeedStreams;

/**
 * Runs Figure 16's lines. Every trial is its own simulation seeded from (seed, panel, line, trial)
 * alone, so trials run in parallel on a thread pool (one thread per core; the simulations share
 * nothing) and the results do not depend on the number of threads.
 */
final class ElectionBench {
  /** Servers, as in the paper. */
  static final int SERVERS = 5;

  /** Followers that miss the last command before the crash (so they cannot win). */
  static final int LAGGING = 2;

  /**
   * One-way latency uniform on [0, 10] ms: a round trip averages 10 ms, and a broadcast (the
   * slowest of four round trips) about 15 ms, the paper's broadcast time. A constant 7.5 ms (every
   * round trip exactly 15 ms) cannot run the 12-24 line at all: a candidate whose timeout is below
   * the round trip never collects its votes.
   */
  static final NetworkLatency LATENCY =
      NetworkLatency.ofMillis(NetworkLatency.Distribution.UNIFORM, 5);

  /**
   * Trials still without a leader after this much virtual time stop there (the paper's top axis
   * ends at 100 s).
   */
  static final long CAP_MS = 100_000;

  record Options(
      long seed, int trials, boolean preVote, boolean lossy, int threads, NetworkLatency latency) {}

  private ElectionBench() {}

  static ElectionTrial.Setup setup(ElectionLine line, Options o) {
    RaftTiming t = RaftTiming.figure16(line.minMs(), line.maxMs(), o.preVote());
    // Server 0 is the leader that will crash. It times out first (after 3/4 of the minimum,
    // fixed), so the first election converges quickly even for 150-150; after the crash only
    // the other four, all on the line's timing, take part, which is what is measured.
    Duration firstTimeout = t.electionMin().multipliedBy(3).dividedBy(4);
    RaftTiming first =
        new RaftTiming(firstTimeout, firstTimeout, t.heartbeat(), t.resolution(), o.preVote());
    return new ElectionTrial.Setup(
        SERVERS, i -> i == 0 ? first : t, o.latency(), o.lossy(), LAGGING, CAP_MS);
  }

  static List<ElectionResult> run(List<ElectionLine> lines, Options o) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, o.threads()));
    try {
      List<List<Future<ElectionTrial.Outcome>>> futures = new ArrayList<>();
      for (ElectionLine line : lines) {
        ElectionTrial.Setup setup = setup(line, o);
        List<Future<ElectionTrial.Outcome>> fs = new ArrayList<>();
        for (int t = 0; t < o.trials(); t++) {
          RandomGenerator r =
              new SeedStreams(o.seed())
                  .stream("election:" + line.panel() + ":" + line.label() + ":" + t);
          long simSeed = r.nextLong();
          double crash = r.nextDouble();
          fs.add(pool.submit(() -> ElectionTrial.run(simSeed, setup, crash, r)));
        }
        futures.add(fs);
      }
      List<ElectionResult> results = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        List<ElectionTrial.Outcome> outcomes = new ArrayList<>();
        for (Future<ElectionTrial.Outcome> f : futures.get(i)) {
          outcomes.add(f.get());
        }
        results.add(ElectionResult.of(lines.get(i), outcomes));
      }
      return results;
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw c instanceof RuntimeException re ? re : new IllegalStateException(c);
    } finally {
      pool.shutdownNow();
    }
  }
}
