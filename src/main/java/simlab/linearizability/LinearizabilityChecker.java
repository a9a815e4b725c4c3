package simlab.linearizability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks a history against a model, each partition (see {@link Model#partition}) by its own search.
 *
 * <p>Partitions are searched in rounds: each unfinished partition gets a budget of loop turns, and
 * the budget grows fourfold per round. A cheap failure in one partition thus ends the check even
 * when another partition would take very long, yet the result does not depend on thread timing:
 * which partitions finished in which round is fixed by the history alone. Partitions still
 * unfinished when one fails are reported as skipped.
 *
 * <p>Typical use from a test:
 *
 * <pre>{@code
 * CheckResult<KvInput, KvOutput> r = LinearizabilityChecker.check(new KvModel(), history, Duration.ofSeconds(1));
 * if (r.verdict() == Verdict.NOT_LINEARIZABLE) HtmlReport.write(Path.of("fail.html"), r, new KvModel());
 * }</pre>
 */
public final class LinearizabilityChecker {
  /** Turns in the first round: big enough that small histories finish in one round. */
  private static final long FIRST_BUDGET = 1 << 14;

  /** Below this many operations the first round runs on the calling thread only. */
  private static final int PARALLEL_MIN_OPS = 1000;

  private LinearizabilityChecker() {}

  /** Checks with one thread per processor and the given time budget. */
  public static <S, I, O> CheckResult<I, O> check(
      Model<S, I, O> model, List<Operation<I, O>> history, Duration timeout) {
    return check(model, history, CheckOptions.withTimeout(timeout));
  }

  public static <S, I, O> CheckResult<I, O> check(
      Model<S, I, O> model, List<Operation<I, O>> history, CheckOptions options) {
    // The time budget is wall-clock time, for interactive use (check-history); checks
    // inside simulated tests pass CheckOptions.withSteps, whose budget is counted in
    // search steps and so gives the same verdict on any machine.
    long start = System.nanoTime(); // wall-clock ok
    long deadline = start + Math.min(options.timeout().toNanos(), Long.MAX_VALUE / 4);
    List<List<Operation<I, O>>> parts = model.partition(List.copyOf(history));
    int n = parts.size();
    List<WglSearch<S, I, O>> searches = new ArrayList<>(n);
    CheckBudget budget = new CheckBudget(searches, deadline, options.maxMemoryBytes());
    for (int p = 0; p < n; p++) {
      searches.add(new WglSearch<>(model, parts.get(p), p, budget));
    }
    Verdict[] verdicts = new Verdict[n];
    int[] active = new int[n];
    for (int p = 0; p < n; p++) {
      active[p] = p;
    }
    int activeCount = n;
    boolean failed = false;
    for (long turns = FIRST_BUDGET; activeCount > 0 && !failed; turns = turns * 4) {
      int[] round = Arrays.copyOf(active, activeCount);
      // Small histories finish in the first round, and handing them to a pool thread
      // costs more than it saves.
      boolean small = turns == FIRST_BUDGET && history.size() < PARALLEL_MIN_OPS;
      int threads = small ? 1 : options.threads();
      if (threads == 1 || round.length == 1) {
        // On the calling thread, without the pool's machinery (a cold first check loads
        // none of it).
        for (int p : round) {
          verdicts[p] = advance(searches.get(p), turns, options, budget);
        }
      } else {
        long roundTurns = turns;
        runRound(
            round,
            threads,
            p -> verdicts[p] = advance(searches.get(p), roundTurns, options, budget));
      }
      activeCount = 0;
      for (int p : round) {
        if (verdicts[p] == null) {
          active[activeCount++] = p;
        } else if (verdicts[p] == Verdict.NOT_LINEARIZABLE) {
          failed = true;
        } else if (verdicts[p] == Verdict.UNKNOWN && !budget.exhausted().equals("steps")) {
          // Out of time or memory: the other partitions would be too. A partition
          // out of steps leaves the others their own budgets.
          failed = true;
        }
      }
    }
    List<PartitionResult<I, O>> out = new ArrayList<>(n);
    for (int p = 0; p < n; p++) {
      WglSearch<S, I, O> s = searches.get(p);
      out.add(verdicts[p] == null ? s.result(Verdict.UNKNOWN, true) : s.result(verdicts[p]));
    }
    Verdict verdict = verdictOf(out);
    return new CheckResult<>(
        verdict,
        out,
        model.describeState(model.initialState()),
        Duration.ofNanos(System.nanoTime() - start), // wall-clock ok
        verdict == Verdict.UNKNOWN ? budget.exhausted() : "");
  }

  /**
   * One round of one partition: at most {@code roundBudget} steps, and never past the partition's
   * step budget. An OutOfMemoryError (the memo outgrew the heap before the memory bound noticed)
   * drops the memo and makes the partition UNKNOWN.
   */
  private static Verdict advance(
      WglSearch<?, ?, ?> search, long roundBudget, CheckOptions options, CheckBudget budget) {
    long left = options.maxSteps() - search.turns();
    if (left <= 0) {
      budget.exhaust("steps");
      return Verdict.UNKNOWN;
    }
    try {
      Verdict v = search.advance(Math.min(roundBudget, left));
      if (v == null && search.turns() >= options.maxSteps()) {
        budget.exhaust("steps");
        return Verdict.UNKNOWN;
      }
      return v;
    } catch (OutOfMemoryError e) {
      search.release();
      budget.exhaust("memory");
      return Verdict.UNKNOWN;
    }
  }

  private static Verdict verdictOf(List<? extends PartitionResult<?, ?>> parts) {
    Verdict v = Verdict.LINEARIZABLE;
    for (PartitionResult<?, ?> p : parts) {
      if (p.verdict() == Verdict.NOT_LINEARIZABLE) {
        return Verdict.NOT_LINEARIZABLE;
      }
      if (p.verdict() == Verdict.UNKNOWN) {
        v = Verdict.UNKNOWN;
      }
    }
    return v;
  }

  private interface PartitionTask {
    void run(int partition);
  }

  /**
   * Runs the task for every partition of the round. The calling thread works too, and helpers come
   * from the common pool, so a check starts no threads of its own; a helper that has not started by
   * the time the caller is done is simply called off.
   */
  private static void runRound(int[] round, int threads, PartitionTask task) {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<RuntimeException> error = new AtomicReference<>();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < round.length; i = next.getAndIncrement()) {
            if (error.get() != null) {
              return;
            }
            try {
              task.run(round[i]);
            } catch (RuntimeException e) {
              // A model bug must surface in the caller, not vanish with a helper thread.
              error.compareAndSet(null, e);
            }
          }
        };
    int helpers = Math.min(threads, round.length) - 1;
    List<AtomicBoolean> claimed = new ArrayList<>();
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (int h = 0; h < helpers; h++) {
      AtomicBoolean started = new AtomicBoolean();
      claimed.add(started);
      futures.add(
          CompletableFuture.runAsync(
              () -> {
                if (started.compareAndSet(false, true)) {
                  worker.run();
                }
              },
              ForkJoinPool.commonPool()));
    }
    worker.run();
    for (int h = 0; h < helpers; h++) {
      if (!claimed.get(h).compareAndSet(false, true)) {
        futures.get(h).join();
      }
    }
    if (error.get() != null) {
      throw error.get();
    }
  }
}
