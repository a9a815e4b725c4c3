package simlab.linearizability;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Wing &amp; Gong search with Lowe's memoisation, for one partition.
 *
 * <p>Walk the entry list from the front. At a call, try to linearize that operation next:
 * if the model allows it and the resulting (linearized set, state) pair is new, lift it
 * out of the list and restart from the front. At a return, the operation it closes
 * should already have been linearized, so the current prefix is a dead end: backtrack by
 * putting the most recently linearized operation back and trying the entry after it.
 * The list empties exactly when every operation has been linearized.
 */
final class WglSearch<S, I, O> {
    /** How many loop turns between looks at the clock; nanoTime is not free. */
    private static final int CHECK_EVERY = 1 << 12;

    private final Model<S, I, O> model;
    private final DeterministicModel<S, I, O> deterministic;
    private final List<Operation<I, O>> ops;
    private final int index;
    private final StopSignal stop;

    private final I[] inputs;
    private final O[] outputs;
    private final long[] opHash;
    private final long[] linearized;
    private long linearizedHash;

    // The stack of linearized operations: entry, state before it, and for models with
    // several successors, which alternative was taken.
    private final int[] stackEntry;
    private final Object[] stackState;
    private final Object[] stackAlternatives;
    private final int[] stackChoice;
    private int depth;

    private int[] bestOps = new int[0];
    private Object[] bestStates = new Object[0];

    @SuppressWarnings("unchecked")
    WglSearch(Model<S, I, O> model, List<Operation<I, O>> ops, int index, StopSignal stop) {
        this.model = model;
        this.deterministic = model instanceof DeterministicModel<S, I, O> d ? d : null;
        this.ops = ops;
        this.index = index;
        this.stop = stop;
        int n = ops.size();
        inputs = (I[]) new Object[n];
        outputs = (O[]) new Object[n];
        opHash = new long[n];
        // Fixed seed: the hash only has to be well spread, and a fixed one keeps runs identical.
        SplittableRandom random = new SplittableRandom(0x5EED_1234_ABCDL);
        for (int i = 0; i < n; i++) {
            inputs[i] = ops.get(i).input();
            outputs[i] = ops.get(i).output();
            opHash[i] = random.nextLong();
        }
        linearized = new long[(n + 63) >>> 6];
        stackEntry = new int[n];
        stackState = new Object[n];
        stackAlternatives = new Object[n];
        stackChoice = new int[n];
    }

    // Where the search stands between calls of advance().
    private EntryList list;
    private LinearizationCache<S> cache;
    private S state;
    private int entry;
    private List<S> resumeAlternatives;
    private int resumeChoice;
    private long turns;

    /** Searches to the end, or until the stop signal says otherwise. */
    PartitionResult<I, O> run() {
        Verdict v = advance(Long.MAX_VALUE);
        return result(v);
    }

    /** Loop turns taken so far: a deterministic measure of work, unlike time. */
    long turns() {
        return turns;
    }

    /**
     * Continues the search for at most {@code budget} more loop turns.
     *
     * @return the verdict, UNKNOWN if the stop signal fired, or null if the budget ran out
     *         first (call again to continue)
     */
    @SuppressWarnings("unchecked")
    Verdict advance(long budget) {
        if (list == null) {
            list = EntryList.of(ops);
            cache = new LinearizationCache<>(model, linearized.length, ops.size() * 4);
            state = model.initialState();
            entry = list.first();
        }
        long limit = budget == Long.MAX_VALUE ? Long.MAX_VALUE : turns + budget;
        while (entry != EntryList.END) {
            if ((++turns & (CHECK_EVERY - 1)) == 0) {
                Verdict v = stop.stopWith(index);
                if (v != null) {
                    return v;
                }
            }
            if (turns > limit) {
                turns--;
                return null;
            }
            if (list.isCall(entry)) {
                int o = list.op(entry);
                if (deterministic != null) {
                    S next = deterministic.next(state, inputs[o], outputs[o]);
                    if (next != null && tryLinearize(cache, o, next)) {
                        push(entry, state, next, null, 0);
                        state = next;
                        list.lift(entry);
                        entry = list.first();
                        continue;
                    }
                } else {
                    List<S> alternatives = resumeAlternatives != null
                            ? resumeAlternatives : model.step(state, inputs[o], outputs[o]);
                    int choice = resumeAlternatives != null ? resumeChoice : 0;
                    resumeAlternatives = null;
                    boolean lifted = false;
                    for (; choice < alternatives.size(); choice++) {
                        S next = alternatives.get(choice);
                        if (tryLinearize(cache, o, next)) {
                            push(entry, state, next, alternatives, choice);
                            state = next;
                            list.lift(entry);
                            entry = list.first();
                            lifted = true;
                            break;
                        }
                    }
                    if (lifted) {
                        continue;
                    }
                }
                entry = list.next(entry);
            } else {
                if (depth == 0) {
                    return Verdict.NOT_LINEARIZABLE;
                }
                depth--;
                entry = stackEntry[depth];
                state = (S) stackState[depth];
                int o = list.op(entry);
                linearized[o >>> 6] &= ~(1L << o);
                linearizedHash ^= opHash[o];
                list.unlift(entry);
                List<S> alternatives = (List<S>) stackAlternatives[depth];
                stackAlternatives[depth] = null;
                if (alternatives != null && stackChoice[depth] + 1 < alternatives.size()) {
                    resumeAlternatives = alternatives;
                    resumeChoice = stackChoice[depth] + 1;
                } else {
                    entry = list.next(entry);
                }
            }
        }
        return Verdict.LINEARIZABLE;
    }

    /** Marks op linearized if (set + op, next) is unexplored; otherwise leaves the set as it was. */
    private boolean tryLinearize(LinearizationCache<S> cache, int o, S next) {
        long bit = 1L << o;
        int word = o >>> 6;
        linearized[word] |= bit;
        long h = linearizedHash ^ opHash[o];
        if (cache.add(linearized, h, next)) {
            linearizedHash = h;
            return true;
        }
        linearized[word] &= ~bit;
        return false;
    }

    private void push(int entry, S stateBefore, S stateAfter, List<S> alternatives, int choice) {
        stackEntry[depth] = entry;
        stackState[depth] = stateBefore;
        stackAlternatives[depth] = alternatives;
        stackChoice[depth] = choice;
        depth++;
        if (depth > bestOps.length) {
            recordBest(stateAfter);
        }
    }

    /**
     * Keeps the deepest prefix reached: it is what a failure report shows. Called at most
     * once per new depth, so O(n^2) copying in the worst case.
     */
    private void recordBest(S lastState) {
        bestOps = new int[depth];
        bestStates = new Object[depth];
        // The state after step k is the state before step k+1.
        for (int k = 0; k < depth; k++) {
            bestOps[k] = stackEntry[k];
            bestStates[k] = k + 1 < depth ? stackState[k + 1] : lastState;
        }
    }

    /** The outcome so far; {@code skipped} marks a search stopped because another partition failed. */
    PartitionResult<I, O> result(Verdict verdict) {
        return result(verdict, false);
    }

    @SuppressWarnings("unchecked")
    PartitionResult<I, O> result(Verdict verdict, boolean skipped) {
        if (list == null) {
            list = EntryList.of(ops);
        }
        List<LinearizedStep> steps = new ArrayList<>(bestOps.length);
        for (int k = 0; k < bestOps.length; k++) {
            steps.add(new LinearizedStep(list.op(bestOps[k]), model.describeState((S) bestStates[k])));
        }
        int failing = -1;
        if (verdict == Verdict.NOT_LINEARIZABLE) {
            boolean[] in = new boolean[ops.size()];
            for (LinearizedStep s : steps) {
                in[s.operation()] = true;
            }
            for (int o : list.opsByReturn()) {
                if (!in[o]) {
                    failing = o;
                    break;
                }
            }
        }
        return new PartitionResult<>(index, ops, verdict, skipped, steps, failing);
    }
}
