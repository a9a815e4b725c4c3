package simlab.cli;

import java.util.List;
import simlab.linearizability.CheckOptions;
import simlab.linearizability.LinearizabilityChecker;
import simlab.linearizability.Model;
import simlab.linearizability.Operation;
import simlab.linearizability.Verdict;

/** One parsed history and the model to check it with, ready to be timed repeatedly. */
final class CheckerBenchCase<S, I, O> {
  final String file;
  final String expected;
  private final Model<S, I, O> model;
  private final List<Operation<I, O>> ops;

  CheckerBenchCase(String file, String expected, Model<S, I, O> model, List<Operation<I, O>> ops) {
    this.file = file;
    this.expected = expected;
    this.model = model;
    this.ops = ops;
  }

  int operations() {
    return ops.size();
  }

  /** Checks once; returns the verdict and stores the elapsed nanoseconds in {@code nanos[0]}. */
  Verdict time(CheckOptions options, long[] nanos) {
    long start = System.nanoTime();
    Verdict v = LinearizabilityChecker.check(model, ops, options).verdict();
    nanos[0] = System.nanoTime() - start;
    return v;
  }

  /**
   * Checks repeatedly, each time the whole check a user gets (the full result), until at least
   * {@code minNanos} have passed, so that a sub-millisecond check is timed over many repetitions
   * instead of at the clock's and the scheduler's resolution.
   *
   * @param perCheck receives wall nanoseconds per check in [0] and CPU nanoseconds per check in [1]
   *     (of the calling thread only: pool helpers of a kv check are not counted)
   * @return the verdict, or UNKNOWN if the repetitions did not all agree (which the report then
   *     flags as a mismatch)
   */
  Verdict timeBatch(CheckOptions options, long minNanos, double[] perCheck) {
    long cpu0 = CheckerBenchCpu.callerNanos();
    long start = System.nanoTime();
    Verdict first = null;
    boolean agree = true;
    long n = 0;
    long elapsed;
    do {
      Verdict v = LinearizabilityChecker.check(model, ops, options).verdict();
      if (first == null) {
        first = v;
      } else if (v != first) {
        agree = false;
      }
      n++;
      elapsed = System.nanoTime() - start;
    } while (elapsed < minNanos);
    long cpu = CheckerBenchCpu.callerNanos() - cpu0;
    perCheck[0] = (double) elapsed / n;
    perCheck[1] = cpu0 < 0 ? Double.NaN : (double) cpu / n;
    return agree ? first : Verdict.UNKNOWN;
  }
}
