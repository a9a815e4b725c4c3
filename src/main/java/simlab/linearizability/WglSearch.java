package simlab.linearizability;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The Wing &amp; Gong search with Lowe's memoisation, for one partition.
 *
 * <p>Walk the entry list from the front. At a call, try to linearize that operation next: if the
 * model allows it and the resulting (linearized set, state) pair is new, lift it out of the list
 * and restart from the front. At a return, the operation it closes should already have been
 * linearized, so the current prefix is a dead end: backtrack by putting the most recently
 * linearized operation back and trying the entry after it. The list empties exactly when every
 * operation has been linearized.
 *
 * <p>One reduction on top (for models that say which operations are {@link
 * DeterministicModel#readOnly read-only}): a read-only operation that may go next and is legal in
 * the current state is committed to. Any linearization from the current point can be rearranged to
 * take it first: it leaves the state as it is wherever it is legal, and putting it earlier breaks
 * no real-time order (everything that returned before its call is linearized already, else it could
 * not go next). So if the search fails after taking it (or the pair it leads to is already in the
 * memo, or the lookahead rules it out), the current point fails too: the search backtracks past it
 * instead of trying the entries after it. Jepsen's etcd logs are mostly reads, and this cuts the
 * orders of reads among themselves and around the writes that keep their value.
 */
final class WglSearch<S, I, O> {
  /** How many loop turns between looks at the clock; nanoTime is not free. */
  private static final int CHECK_EVERY = 1 << 12;

  private static final long HASH_SEED = 0x5EED_1234_ABCDL;
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private final Model<S, I, O> model;
  private final DeterministicModel<S, I, O> deterministic;
  private final List<Operation<I, O>> ops;
  private final int index;
  private final StopSignal stop;

  private final I[] inputs;
  private final O[] outputs;
  private final long[] opHash;

  /** Per operation: whether the model says it never changes the state (see class comment). */
  private final boolean[] readOnly;

  private final boolean anyReadOnly;

  /**
   * Each operation's bit in {@link #linearized}: its rank by call time, so the set is a dense
   * prefix plus a window.
   */
  private final int[] bitOf;

  private final LinearizedSet linearized;
  private long linearizedHash;
  private final Lookahead<S> lookahead;

  // The stack of linearized operations: entry, state before it, and for models with
  // several successors, which alternative was taken.
  private final int[] stackEntry;
  private final Object[] stackState;
  private final Object[] stackAlternatives;
  private final int[] stackChoice;

  /** Whether the step at that depth was a committed read-only operation (see class comment). */
  private final boolean[] stackForced;

  private int depth;

  // The deepest prefix reached so far (entries, and the state after each), kept in
  // step with the stack: only the part of the stack that changed since the last record
  // is copied, so a search without backtracking records in O(n), not O(n^2).
  private final int[] bestOps;
  private final Object[] bestStates;
  private int bestLength;

  /** stack[0, stableDepth) is unchanged since the last record. */
  private int stableDepth;

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
    readOnly = new boolean[n];
    // Fixed seed: the hash only has to be well spread, and a fixed one keeps runs identical.
    // The values are SplittableRandom's sequence from that seed, computed inline.
    long seed = HASH_SEED;
    for (int i = 0; i < n; i++) {
      Operation<I, O> op = ops.get(i);
      inputs[i] = op.input();
      outputs[i] = op.output();
      readOnly[i] = deterministic != null && deterministic.readOnly(inputs[i], outputs[i]);
      seed += GOLDEN_GAMMA;
      opHash[i] = mix64(seed);
    }
    linearized = new LinearizedSet(n);
    bitOf = new int[n];
    lookahead = model.lookahead(ops);
    stackEntry = new int[n];
    stackState = new Object[n];
    stackAlternatives = new Object[n];
    stackChoice = new int[n];
    stackForced = new boolean[n];
    boolean any = false;
    for (boolean r : readOnly) {
      any |= r;
    }
    anyReadOnly = any;
    bestOps = new int[n];
    bestStates = new Object[n];
  }

  // Where the search stands between calls of advance().
  private EntryList list;
  private LinearizationCache<S> cache;
  private S state;
  private int entry;
  private List<S> resumeAlternatives;
  private int resumeChoice;
  private long turns;
  private long reportedBytes;

  /** Searches to the end, or until the stop signal says otherwise. */
  PartitionResult<I, O> run() {
    Verdict v = advance(Long.MAX_VALUE);
    return result(v);
  }

  /** Loop turns taken so far: a deterministic measure of work, unlike time. */
  long turns() {
    return turns;
  }

  /** What the memo holds now, roughly (the table plus about one state object per entry). */
  long memoBytes() {
    return cache == null ? 0 : cache.bytes() + 48L * cache.size();
  }

  /**
   * How much the memo grew since the last call: lets the checker keep a running total over all
   * partitions without reading another thread's search.
   */
  long memoGrowth() {
    long now = memoBytes();
    long d = now - reportedBytes;
    reportedBytes = now;
    return d;
  }

  /** Drops the memo: after an OutOfMemoryError, so that reporting can proceed. */
  void release() {
    cache = null;
  }

  /**
   * Continues the search for at most {@code budget} more loop turns.
   *
   * @return the verdict, UNKNOWN if the stop signal fired, or null if the budget ran out first
   *     (call again to continue)
   */
  @SuppressWarnings("unchecked")
  Verdict advance(long budget) {
    if (list == null) {
      list = EntryList.of(ops);
      int rank = 0;
      for (int e = list.first(); e != EntryList.END; e = list.next(e)) {
        if (list.isCall(e)) {
          bitOf[list.op(e)] = rank++;
        }
      }
      cache = new LinearizationCache<>(model, ops.size());
      state = model.initialState();
      entry = firstEntry();
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
          if (next != null) {
            // Committed to only when the step returned this very state, as the model's
            // readOnly promises; a step that returned another state is tried as usual.
            boolean forced = readOnly[o] && next == state;
            if (tryLinearize(cache, entry, o, next)) {
              push(entry, state, next, null, 0);
              stackForced[depth - 1] = forced;
              state = next;
              list.lift(entry);
              entry = firstEntry();
              continue;
            }
            if (forced) {
              // (set + o, state) failed or is hopeless, so this point fails too.
              if (!backtrack()) {
                return Verdict.NOT_LINEARIZABLE;
              }
              continue;
            }
          }
        } else if (linearizeAlternative(o)) {
          continue;
        }
        entry = list.next(entry);
      } else if (!backtrack()) {
        return Verdict.NOT_LINEARIZABLE;
      }
    }
    return Verdict.LINEARIZABLE;
  }

  /**
   * Where to start at a new point of the search: a read-only operation that may go next and is
   * legal now, if there is one (the search commits to it, see the class comment), else the front of
   * the list.
   */
  private int firstEntry() {
    int first = list.first();
    if (!anyReadOnly) {
      return first;
    }
    for (int e = first; e != EntryList.END && list.isCall(e); e = list.next(e)) {
      int o = list.op(e);
      if (readOnly[o] && deterministic.next(state, inputs[o], outputs[o]) == state) {
        return e;
      }
    }
    return first;
  }

  /**
   * For a model with several successor states: linearizes the call at {@link #entry} with the first
   * alternative (from the resume point after a backtrack) whose pair is new. Kept out of {@link
   * #advance}, like {@link #backtrack}, so the hot loop the JIT compiles first stays small.
   */
  private boolean linearizeAlternative(int o) {
    List<S> alternatives =
        resumeAlternatives != null ? resumeAlternatives : model.step(state, inputs[o], outputs[o]);
    int choice = resumeAlternatives != null ? resumeChoice : 0;
    resumeAlternatives = null;
    for (; choice < alternatives.size(); choice++) {
      S next = alternatives.get(choice);
      if (tryLinearize(cache, entry, o, next)) {
        push(entry, state, next, alternatives, choice);
        state = next;
        list.lift(entry);
        entry = list.first();
        return true;
      }
    }
    return false;
  }

  /**
   * Puts the most recently linearized operation back and moves past it (or to its next
   * alternative); a committed read-only step is put back together with the step before it (see the
   * class comment).
   *
   * @return false if nothing was left to put back: the history is not linearizable
   */
  private boolean backtrack() {
    while (depth > 0) {
      if (!popStep()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Puts the most recently linearized operation back and, unless it was a committed read-only step,
   * moves past it (or to its next alternative).
   *
   * @return whether the step was a committed read-only one, whose parent fails as well
   */
  @SuppressWarnings("unchecked")
  private boolean popStep() {
    depth--;
    stableDepth = Math.min(stableDepth, depth);
    entry = stackEntry[depth];
    state = (S) stackState[depth];
    int o = list.op(entry);
    linearized.remove(bitOf[o]);
    linearizedHash ^= opHash[o];
    if (lookahead != null) {
      lookahead.undone(o);
    }
    list.unlift(entry);
    if (stackForced[depth]) {
      stackForced[depth] = false;
      return true;
    }
    List<S> alternatives = (List<S>) stackAlternatives[depth];
    stackAlternatives[depth] = null;
    if (alternatives != null && stackChoice[depth] + 1 < alternatives.size()) {
      resumeAlternatives = alternatives;
      resumeChoice = stackChoice[depth] + 1;
    } else {
      entry = list.next(entry);
    }
    return false;
  }

  /** Marks op linearized if (set + op, next) is unexplored; otherwise leaves the set as it was. */
  private boolean tryLinearize(LinearizationCache<S> cache, int entry, int o, S next) {
    if (lookahead != null) {
      lookahead.linearized(o);
      if (!lookahead.viable(next)) {
        lookahead.undone(o);
        if (depth + 1 > bestLength) {
          // The model allows the step, so it extends the longest legal prefix a
          // failure report shows, pruned or not: the report then blames the
          // operation the model itself rejects, as it did without pruning.
          push(entry, state, next, null, 0);
          depth--;
          stableDepth = Math.min(stableDepth, depth);
        }
        return false;
      }
    }
    linearized.add(bitOf[o]);
    long h = linearizedHash ^ opHash[o];
    if (cache.add(linearized, h, next)) {
      linearizedHash = h;
      return true;
    }
    linearized.remove(bitOf[o]);
    if (lookahead != null) {
      lookahead.undone(o);
    }
    return false;
  }

  private void push(int entry, S stateBefore, S stateAfter, List<S> alternatives, int choice) {
    stackEntry[depth] = entry;
    stackState[depth] = stateBefore;
    stackAlternatives[depth] = alternatives;
    stackChoice[depth] = choice;
    stackForced[depth] = false;
    depth++;
    if (depth > bestLength) {
      recordBest(stateAfter);
    }
  }

  /** Keeps the deepest prefix reached: it is what a failure report shows. */
  private void recordBest(S lastState) {
    // The state after step k is the state before step k+1.
    for (int k = Math.min(stableDepth, bestLength); k < depth; k++) {
      bestOps[k] = stackEntry[k];
      bestStates[k] = k + 1 < depth ? stackState[k + 1] : lastState;
    }
    bestLength = depth;
    stableDepth = depth;
  }

  /**
   * Describes a state for the report, when a step is read. A class, not a lambda: a cold first
   * check then links no lambda.
   */
  private static final class StateDescriber<S> implements Function<Object, String> {
    private final Model<S, ?, ?> model;

    StateDescriber(Model<S, ?, ?> model) {
      this.model = model;
    }

    @Override
    @SuppressWarnings("unchecked")
    public String apply(Object state) {
      return model.describeState((S) state);
    }
  }

  /** Stafford's variant 13 of MurmurHash3's finaliser, as SplittableRandom uses it. */
  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * The outcome so far; {@code skipped} marks a search stopped because another partition failed.
   */
  PartitionResult<I, O> result(Verdict verdict) {
    return result(verdict, false);
  }

  @SuppressWarnings("unchecked")
  PartitionResult<I, O> result(Verdict verdict, boolean skipped) {
    if (list == null) {
      list = EntryList.of(ops);
    }
    int[] stepOps = new int[bestLength];
    for (int k = 0; k < bestLength; k++) {
      stepOps[k] = list.op(bestOps[k]);
    }
    LazySteps steps =
        new LazySteps(stepOps, Arrays.copyOf(bestStates, bestLength), new StateDescriber<>(model));
    int failing = -1;
    if (verdict == Verdict.NOT_LINEARIZABLE) {
      boolean[] in = new boolean[ops.size()];
      for (int k = 0; k < steps.size(); k++) {
        in[steps.operation(k)] = true;
      }
      for (int o : list.opsByReturn()) {
        if (!in[o]) {
          failing = o;
          break;
        }
      }
    }
    return new PartitionResult<>(index, ops, verdict, skipped, steps, failing, turns);
  }
}
