package simlab.linearizability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOp;
import simlab.linearizability.model.KvOutput;

/**
 * Histories made from a sequential execution, with each operation's interval stretched
 * around its linearization point, must check as linearizable; a read of a value nobody
 * wrote must not. On tiny histories the checker must agree with brute force.
 */
class LinearizabilityProperties {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int SPACING = 10;

    /** An operation before execution, plus how far its interval reaches around its point. */
    record Planned(KvOp op, String key, String value, int client, int before, int after) {
    }

    @Provide
    Arbitrary<List<Planned>> plans() {
        Arbitrary<Planned> planned = Combinators.combine(
                Arbitraries.of(KvOp.class),
                Arbitraries.of("a", "b", "c"),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(2),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 4 * SPACING),
                Arbitraries.integers().between(0, 4 * SPACING)).as(Planned::new);
        return planned.list().ofMinSize(1).ofMaxSize(40);
    }

    /** Runs the plan sequentially; operation i takes effect at time i * SPACING. */
    static List<Operation<KvInput, KvOutput>> execute(List<Planned> plan) {
        Map<String, String> store = new HashMap<>();
        List<Operation<KvInput, KvOutput>> ops = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Planned p = plan.get(i);
            String current = store.getOrDefault(p.key(), "");
            KvInput in = new KvInput(p.op(), p.key(), p.op() == KvOp.GET || p.op() == KvOp.DELETE ? null : p.value());
            KvOutput out = KvOutput.NONE;
            switch (p.op()) {
                case GET -> out = KvOutput.of(current);
                case PUT -> store.put(p.key(), p.value());
                case APPEND -> store.put(p.key(), current + p.value());
                case DELETE -> store.remove(p.key());
            }
            long point = (long) i * SPACING;
            ops.add(new Operation<>(p.client(), in, out, point - p.before(), point + p.after()));
        }
        return ops;
    }

    @Property(tries = 300)
    boolean sequentialExecutionsAreLinearizable(@ForAll("plans") List<Planned> plan) {
        var ops = execute(plan);
        return LinearizabilityChecker.check(new KvModel(), ops, TIMEOUT).verdict() == Verdict.LINEARIZABLE;
    }

    @Property(tries = 300)
    boolean readingAValueNeverWrittenIsNotLinearizable(@ForAll("plans") List<Planned> plan,
                                                         @ForAll @IntRange(min = 0, max = 1000) int which) {
        var ops = new ArrayList<>(execute(plan));
        List<Integer> gets = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).input().op() == KvOp.GET) {
                gets.add(i);
            }
        }
        Assume.that(!gets.isEmpty());
        int i = gets.get(which % gets.size());
        Operation<KvInput, KvOutput> o = ops.get(i);
        // Written values are digits only, so this string is in no state.
        ops.set(i, new Operation<>(o.clientId(), o.input(), KvOutput.of("never-written"), o.call(), o.ret()));
        return LinearizabilityChecker.check(new KvModel(), ops, TIMEOUT).verdict() == Verdict.NOT_LINEARIZABLE;
    }

    /** Random tiny histories with random outputs: about half are linearizable. */
    @Provide
    Arbitrary<List<Operation<KvInput, KvOutput>>> tinyHistories() {
        Arbitrary<Operation<KvInput, KvOutput>> op = Combinators.combine(
                Arbitraries.of(KvOp.GET, KvOp.PUT, KvOp.APPEND),
                Arbitraries.of("x", "y", "xy", ""),
                Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, 10)).as((kind, v, call, length) -> {
                    KvInput in = kind == KvOp.GET ? KvInput.get("k")
                            : new KvInput(kind, "k", v.isEmpty() ? "x" : v);
                    KvOutput out = kind == KvOp.GET ? KvOutput.of(v) : KvOutput.NONE;
                    return new Operation<>(0, in, out, call, call + length);
                });
        return op.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 500)
    boolean agreesWithBruteForceOnTinyHistories(@ForAll("tinyHistories") List<Operation<KvInput, KvOutput>> ops) {
        Verdict expected = BruteForce.linearizable(ops) ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE;
        return LinearizabilityChecker.check(new KvModel(), ops, TIMEOUT).verdict() == expected;
    }

    /** Tries every order that respects real time: the definition, without cleverness. */
    static final class BruteForce {
        private BruteForce() {
        }

        static boolean linearizable(List<Operation<KvInput, KvOutput>> ops) {
            return search(ops, new boolean[ops.size()], 0, "");
        }

        private static boolean search(List<Operation<KvInput, KvOutput>> ops, boolean[] done, int count, String state) {
            if (count == ops.size()) {
                return true;
            }
            for (int i = 0; i < ops.size(); i++) {
                if (done[i] || !minimal(ops, done, i)) {
                    continue;
                }
                String next = new KvModel().next(state, ops.get(i).input(), ops.get(i).output());
                if (next == null) {
                    continue;
                }
                done[i] = true;
                boolean ok = search(ops, done, count + 1, next);
                done[i] = false;
                if (ok) {
                    return true;
                }
            }
            return false;
        }

        /** No pending operation returned strictly before op i was called. */
        private static boolean minimal(List<Operation<KvInput, KvOutput>> ops, boolean[] done, int i) {
            for (int j = 0; j < ops.size(); j++) {
                if (!done[j] && j != i && ops.get(j).ret() < ops.get(i).call()) {
                    return false;
                }
            }
            return true;
        }
    }
}
