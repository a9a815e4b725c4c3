package simlab.linearizability;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of {@link LinearizabilityChecker#check}.
 *
 * @param verdict NOT_LINEARIZABLE if any partition failed (even if others ran out of budget),
 *     UNKNOWN if none failed but one ran out of budget, else LINEARIZABLE
 * @param partitions one result per partition, in the model's partition order
 * @param initialState the model's initial state, described
 * @param elapsed wall-clock time of the search
 * @param exhausted for an UNKNOWN verdict, which budget ran out ("steps", "time" or "memory");
 *     empty otherwise
 */
public record CheckResult<I, O>(
    Verdict verdict,
    List<PartitionResult<I, O>> partitions,
    String initialState,
    Duration elapsed,
    String exhausted) {
  public CheckResult {
    partitions = List.copyOf(partitions);
  }

  public boolean isLinearizable() {
    return verdict == Verdict.LINEARIZABLE;
  }

  /** The partitions that are definitely not linearizable. */
  public List<PartitionResult<I, O>> failures() {
    return partitions.stream().filter(p -> p.verdict() == Verdict.NOT_LINEARIZABLE).toList();
  }

  /** Search steps over all partitions: identical for identical histories and options. */
  public long steps() {
    long s = 0;
    for (PartitionResult<I, O> p : partitions) {
      s += p.steps();
    }
    return s;
  }

  /** The most steps any one partition took (what {@link CheckOptions#maxSteps} bounds). */
  public long maxPartitionSteps() {
    long s = 0;
    for (PartitionResult<I, O> p : partitions) {
      s = Math.max(s, p.steps());
    }
    return s;
  }
}
