package simlab.linearizability;

import java.util.List;

/**
 * The outcome for one independent part of a history.
 *
 * @param index position of this partition in the model's partition order
 * @param operations the partition's operations, in the order the model produced them
 * @param verdict for this partition alone; UNKNOWN if a budget ran out or it was {@code skipped}
 * @param skipped true when it was not checked because an earlier partition already failed
 * @param linearization the full linearization if linearizable; otherwise the longest linearizable
 *     prefix the search found
 * @param failingOperation for a failure, the index of the first operation (by return time) that
 *     could not be appended to that prefix; -1 otherwise
 * @param steps search steps taken: a deterministic measure of the work
 */
public record PartitionResult<I, O>(
    int index,
    List<Operation<I, O>> operations,
    Verdict verdict,
    boolean skipped,
    List<LinearizedStep> linearization,
    int failingOperation,
    long steps) {
  public PartitionResult {
    operations = List.copyOf(operations);
    // LazySteps is immutable already, and copying it would describe every state.
    linearization = linearization instanceof LazySteps ? linearization : List.copyOf(linearization);
  }

  static <I, O> PartitionResult<I, O> skipped(int index, List<Operation<I, O>> operations) {
    return new PartitionResult<>(index, operations, Verdict.UNKNOWN, true, List.of(), -1, 0);
  }
}
