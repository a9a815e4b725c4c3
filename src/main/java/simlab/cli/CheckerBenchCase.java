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
}
