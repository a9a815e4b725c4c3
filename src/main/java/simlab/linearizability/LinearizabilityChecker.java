package simlab.linearizability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
    AtomicLong memo = new AtomicLong();
    AtomicReference<String> exhausted = new AtomicReference<>("");
    List<List<Operation<I, O>>> parts = model.partition(List.copyOf(history));
    int n = parts.size();
    List<WglSearch<S, I, O>> searches = new ArrayList<>(n);
    for (int p = 0; p < n; p++) {
      int index = p;
      StopSignal stop =
          partition -> {
            if (memo.addAndGet(searches.get(index).memoGrowth()) > options.maxMemoryBytes()) {
              exhausted.compareAndSet("", "memory");
              return Verdict.UNKNOWN;
            }
            if (System.nanoTime() - deadline > 0) { // wall-clock ok
              exhausted.compareAndSet("", "time");
              return Verdict.UNKNOWN;
            }
            return null;
          };
      searches.add(new WglSearch<>(model, parts.get(p), p, stop));
    }
    Verdict[] verdicts = new Verdict[n];
    List<Integer> active = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      active.add(p);
    }
    boolean failed = false;
    for (long budget = FIRST_BUDGET; !active.isEmpty() && !failed; budget = budget * 4) {
      long roundBudget = budget;
      List<Integer> round = List.copyOf(active);
      // Small histories finish in the first round, and handing them to a pool thread
      // costs more than it saves.
      boolean small = budget == FIRST_BUDGET && history.size() < PARALLEL_MIN_OPS;
      int threads = small ? 1 : options.threads();
      runRound(
          round,
          threads,
          p -> verdicts[p] = advance(searches.get(p), roundBudget, options, exhausted));
      active.clear();
      for (int p : round) {
        if (verdicts[p] == null) {
          active.add(p);
        } else if (verdicts[p] == Verdict.NOT_LINEARIZABLE) {
          failed = true;
        } else if (verdicts[p] == Verdict.UNKNOWN && !exhausted.get().equals("steps")) {
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
        verdict == Verdict.UNKNOWN ? exhausted.get() : "");
  }

  /**
   * One round of one partition: at most {@code roundBudget} steps, and never past the partition's
   * step budget. An OutOfMemoryError (the memo outgrew the heap before the memory bound noticed)
   * drops the memo and makes the partition UNKNOWN.
   */
  private static Verdict advance(
      WglSearch<?, ?, ?> search,
      long roundBudget,
      CheckOptions options,
      AtomicReference<String> exhausted) {
    long left = options.maxSteps() - search.turns();
    if (left <= 0) {
      exhausted.compareAndSet("", "steps");
      return Verdict.UNKNOWN;
    }
    try {
      Verdict v = search.advance(Math.min(roundBudget, left));
      if (v == null && search.turns() >= options.maxSteps()) {
        exhausted.compareAndSet("", "steps");
        return Verdict.UNKNOWN;
      }
      return v;
    } catch (OutOfMemoryError e) {
      search.release();
      exhausted.compareAndSet("", "memory");
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
  private static void runRound(List<Integer> round, int threads, PartitionTask task) {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<RuntimeException> error = new AtomicReference<>();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < round.size(); i = next.getAndIncrement()) {
            if (error.get() != null) {
              return;
            }
            try {
              task.run(round.get(i));
            } catch (RuntimeException e) {
              // A model bug must surface in the caller, not vanish with a helper thread.
              error.compareAndSet(null, e);
            }
          }
        };
    int helpers = Math.min(threads, round.size()) - 1;
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
