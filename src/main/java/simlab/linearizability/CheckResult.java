package simlab.linearizability;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of {@link LinearizabilityChecker#check}.
 *
 * @param verdict NOT_LINEARIZABLE if any partition failed (even if others timed out),
 *                UNKNOWN if none failed but one ran out of time, else LINEARIZABLE
 * @param partitions one result per partition, in the model's partition order
 * @param initialState the model's initial state, described
 * @param elapsed wall-clock time of the search
 */
public record CheckResult<I, O>(Verdict verdict, List<PartitionResult<I, O>> partitions, String initialState,
                                Duration elapsed) {
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
}
