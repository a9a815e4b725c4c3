package simlab.linearizability;

/**
 * The memo of the search: the set of (linearized operations, model state) pairs already
 * explored. Reaching a pair twice means the subtree below it was already searched.
 *
 * <p>Open addressing over parallel arrays, because a general-purpose HashSet would need a
 * key object per probe; the 64-bit hash is stored so most mismatches are rejected
 * without comparing bitsets or states.
 */
final class LinearizationCache<S> {
    private final Model<S, ?, ?> model;
    private final int words;
    private long[] hashes;
    /** Slot i's linearized set is words [i*words, (i+1)*words); one array, so no object per entry. */
    private long[] bits;
    /** Also marks which slots are used: models never produce null states. */
    private Object[] states;
    private int size;
    private int mask;

    LinearizationCache(Model<S, ?, ?> model, int words, int expected) {
        this.model = model;
        this.words = words;
        int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        allocate(cap);
    }

    private void allocate(int cap) {
        hashes = new long[cap];
        bits = new long[cap * words];
        states = new Object[cap];
        mask = cap - 1;
    }

    /**
     * Adds the pair unless present.
     *
     * @param set the linearized set; copied only when added
     * @param setHash an order-independent hash of {@code set}
     * @return true if the pair was new
     */
    @SuppressWarnings("unchecked")
    boolean add(long[] set, long setHash, S state) {
        long h = mix(setHash + 0x9E3779B97F4A7C15L * model.stateHash(state));
        int i = (int) h & mask;
        while (states[i] != null) {
            if (hashes[i] == h && sameSet(i, set) && model.stateEquals((S) states[i], state)) {
                return false;
            }
            i = (i + 1) & mask;
        }
        hashes[i] = h;
        System.arraycopy(set, 0, bits, i * words, words);
        states[i] = state;
        if (++size * 2 > hashes.length) {
            grow();
        }
        return true;
    }

    int size() {
        return size;
    }

    private boolean sameSet(int slot, long[] set) {
        int base = slot * words;
        for (int w = 0; w < words; w++) {
            if (bits[base + w] != set[w]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[] oldBits = bits;
        Object[] oldStates = states;
        allocate(oldHashes.length * 2);
        for (int j = 0; j < oldHashes.length; j++) {
            if (oldStates[j] != null) {
                int i = (int) oldHashes[j] & mask;
                while (states[i] != null) {
                    i = (i + 1) & mask;
                }
                hashes[i] = oldHashes[j];
                System.arraycopy(oldBits, j * words, bits, i * words, words);
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
