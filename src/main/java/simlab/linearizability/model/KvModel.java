package simlab.linearizability.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import simlab.linearizability.DeterministicModel;
import simlab.linearizability.Model;
import simlab.linearizability.Operation;

/**
 * The key/value service as in 6.5840 kvsrv/kvraft: each key is an independent string
 * register. A missing key reads as "", and DELETE makes the key missing, so the state of
 * one key is simply its string ("" when absent). Histories are partitioned by key, in
 * key order.
 */
public final class KvModel implements DeterministicModel<String, KvInput, KvOutput> {

    @Override
    public String initialState() {
        return "";
    }

    @Override
    public String next(String state, KvInput in, KvOutput out) {
        return apply(state, in, out);
    }

    static String apply(String state, KvInput in, KvOutput out) {
        return switch (in.op()) {
            case GET -> state.equals(out.value()) ? state : null;
            case PUT -> in.value();
            case APPEND -> state.concat(in.value());
            case DELETE -> "";
        };
    }

    @Override
    public List<List<Operation<KvInput, KvOutput>>> partition(List<Operation<KvInput, KvOutput>> history) {
        Map<String, List<Operation<KvInput, KvOutput>>> byKey = new TreeMap<>();
        for (Operation<KvInput, KvOutput> op : history) {
            byKey.computeIfAbsent(op.input().key(), k -> new ArrayList<>()).add(op);
        }
        return List.copyOf(byKey.values());
    }

    /** A part is one key; all its operations share it. */
    @Override
    public Optional<String> describePartition(List<Operation<KvInput, KvOutput>> operations) {
        return operations.isEmpty() ? Optional.empty()
                : Optional.of("key " + quote(operations.get(0).input().key()));
    }

    @Override
    public String describeOperation(KvInput in, KvOutput out) {
        return describe(in, out);
    }

    static String describe(KvInput in, KvOutput out) {
        return switch (in.op()) {
            case GET -> "get(" + quote(in.key()) + ") -> " + quote(out.value());
            case PUT -> "put(" + quote(in.key()) + ", " + quote(in.value()) + ")";
            case APPEND -> "append(" + quote(in.key()) + ", " + quote(in.value()) + ")";
            case DELETE -> "delete(" + quote(in.key()) + ")";
        };
    }

    @Override
    public String describeState(String state) {
        return quote(state);
    }

    static String quote(String s) {
        return s == null ? "nil" : '"' + s + '"';
    }

    /**
     * The same service as one object whose state is the whole store: no partitioning, so
     * the search is over all keys at once. Only useful to measure what partitioning saves.
     */
    public static Model<?, KvInput, KvOutput> unpartitioned() {
        return new Unpartitioned();
    }

    private static final class Unpartitioned implements DeterministicModel<KvMapState, KvInput, KvOutput> {
        @Override
        public KvMapState initialState() {
            return KvMapState.EMPTY;
        }

        @Override
        public KvMapState next(KvMapState state, KvInput in, KvOutput out) {
            String before = state.get(in.key());
            String after = apply(before, in, out);
            if (after == null) {
                return null;
            }
            return after.equals(before) ? state : state.with(in.key(), after);
        }

        @Override
        public String describeOperation(KvInput in, KvOutput out) {
            return describe(in, out);
        }

        @Override
        public String describeState(KvMapState state) {
            return state.toString();
        }
    }
}
