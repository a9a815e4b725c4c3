package simlab.linearizability;

/**
 * The memo of the search: the set of (linearized operations, model state) pairs already
 * explored. Reaching a pair twice means the subtree below it was already searched.
 *
 * <p>Open addressing over parallel arrays, because a general-purpose HashSet would need a
 * key object per probe; the 64-bit hash is stored so most mismatches are rejected
 * without comparing sets or states.
 *
 * <p>Sets are stored compactly (see {@link LinearizedSet}): only the words between the
 * leading run of all-ones words and the last non-zero word, in one shared arena. The
 * search numbers operations by call order, so that stretch is the window of operations
 * in flight, and an entry costs a few words however long the history is. The table starts
 * small and doubles: memory follows what the search visits, not the operation count.
 */
final class LinearizationCache<S> {
    private static final int INITIAL_SLOTS = 256;
    /** Bytes per slot outside the arena: hash, packed position, state reference. */
    private static final int SLOT_BYTES = 8 + 8 + 8;

    private final Model<S, ?, ?> model;
    private long[] hashes;
    /** Slot i's words: arena[offset, offset + length), with offset and length packed as (offset << 32 | length). */
    private long[] where;
    /** How many leading all-ones words slot i's set has. */
    private int[] fullWords;
    /** Also marks which slots are used: models never produce null states. */
    private Object[] states;
    private long[] arena = new long[1024];
    private int arenaUsed;
    private int size;
    private int mask;

    LinearizationCache(Model<S, ?, ?> model) {
        this.model = model;
        allocate(INITIAL_SLOTS);
    }

    private void allocate(int cap) {
        hashes = new long[cap];
        where = new long[cap];
        fullWords = new int[cap];
        states = new Object[cap];
        mask = cap - 1;
    }

    /**
     * Adds the pair unless present.
     *
     * @param set the linearized set; its stored part is copied only when added
     * @param setHash an order-independent hash of {@code set}
     * @return true if the pair was new
     */
    @SuppressWarnings("unchecked")
    boolean add(LinearizedSet set, long setHash, S state) {
        long h = mix(setHash + 0x9E3779B97F4A7C15L * model.stateHash(state));
        int i = (int) h & mask;
        while (states[i] != null) {
            if (hashes[i] == h && sameSet(i, set) && model.stateEquals((S) states[i], state)) {
                return false;
            }
            i = (i + 1) & mask;
        }
        int from = set.fullWords();
        int length = set.usedWords() - from;
        if (arenaUsed + length > arena.length) {
            long[] bigger = new long[Math.max(arena.length * 2, arenaUsed + length)];
            System.arraycopy(arena, 0, bigger, 0, arenaUsed);
            arena = bigger;
        }
        System.arraycopy(set.words(), from, arena, arenaUsed, length);
        hashes[i] = h;
        where[i] = (long) arenaUsed << 32 | length;
        fullWords[i] = from;
        states[i] = state;
        arenaUsed += length;
        if (++size * 2 > hashes.length) {
            grow();
        }
        return true;
    }

    int size() {
        return size;
    }

    /** Roughly what the memo holds, not counting the states themselves. */
    long bytes() {
        return (long) hashes.length * (SLOT_BYTES + 4) + (long) arena.length * 8;
    }

    private boolean sameSet(int slot, LinearizedSet set) {
        int from = fullWords[slot];
        int length = (int) where[slot];
        if (from != set.fullWords() || length != set.usedWords() - from) {
            return false;
        }
        int offset = (int) (where[slot] >>> 32);
        long[] words = set.words();
        for (int w = 0; w < length; w++) {
            if (arena[offset + w] != words[from + w]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[] oldWhere = where;
        int[] oldFull = fullWords;
        Object[] oldStates = states;
        allocate(oldHashes.length * 2);
        for (int j = 0; j < oldHashes.length; j++) {
            if (oldStates[j] != null) {
                int i = (int) oldHashes[j] & mask;
                while (states[i] != null) {
                    i = (i + 1) & mask;
                }
                hashes[i] = oldHashes[j];
                where[i] = oldWhere[j];
                fullWords[i] = oldFull[j];
                states[i] = oldStates[j];
            }
        }
    }

    /** Spreads the bits so the low bits used for the slot index depend on all of them. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
