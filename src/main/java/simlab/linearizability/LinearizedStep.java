package simlab.linearizability;

/**
 * One operation of a (partial) linearization.
 *
 * @param operation index into the partition's operation list
 * @param stateAfter the model state after it took effect, as the model describes it
 */
public record LinearizedStep(int operation, String stateAfter) {}
