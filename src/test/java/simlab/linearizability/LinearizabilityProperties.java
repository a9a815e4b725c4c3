package simlab.linearizability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOp;
import simlab.linearizability.model.KvOutput;
import simlab.testing.property.Gen;
import simlab.testing.property.Property;
import simlab.testing.property.PropertyContext;
import simlab.testing.property.PropertyTest;

/**
 * Histories made from a sequential execution, with each operation's interval stretched around its
 * linearization point, must check as linearizable; a read of a value nobody wrote must not. On tiny
 * histories the checker must agree with brute force.
 */
class LinearizabilityProperties {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int SPACING = 10;

  /** An operation before execution, plus how far its interval reaches around its point. */
  record Planned(KvOp op, String key, String value, int client, int before, int after) {}

  static Gen<List<Planned>> plans() {
    Gen<KvOp> ops = Gen.enums(KvOp.class);
    Gen<String> keys = Gen.elements("a", "b", "c");
    Gen<String> values = Gen.strings(Gen.chars('0', '9'), 1, 2);
    Gen<Integer> clients = Gen.ints(0, 4);
    Gen<Integer> reach = Gen.ints(0, 4 * SPACING);
    Gen<Planned> planned =
        s ->
            new Planned(
                s.draw(ops),
                s.draw(keys),
                s.draw(values),
                s.draw(clients),
                s.draw(reach),
                s.draw(reach));
    return planned.list(1, 40);
  }

  /** Runs the plan sequentially; operation i takes effect at time i * SPACING. */
  static List<Operation<KvInput, KvOutput>> execute(List<Planned> plan) {
    Map<String, String> store = new HashMap<>();
    List<Operation<KvInput, KvOutput>> ops = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      Planned p = plan.get(i);
      String current = store.getOrDefault(p.key(), "");
      KvInput in =
          new KvInput(
              p.op(), p.key(), p.op() == KvOp.GET || p.op() == KvOp.DELETE ? null : p.value());
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

  @PropertyTest
  Stream<DynamicTest> sequentialExecutionsAreLinearizable(PropertyContext context) {
    return context.run(
        Property.forAll(plans())
            .cases(300)
            .holds(
                plan ->
                    LinearizabilityChecker.check(new KvModel(), execute(plan), TIMEOUT).verdict()
                        == Verdict.LINEARIZABLE));
  }

  /** A plan and which of its reads to corrupt. */
  record CorruptedRead(List<Planned> plan, int which) {}

  @PropertyTest
  Stream<DynamicTest> readingAValueNeverWrittenIsNotLinearizable(PropertyContext context) {
    Gen<CorruptedRead> cases = Gen.combine(plans(), Gen.ints(0, 1000), CorruptedRead::new);
    return context.run(
        Property.forAll(cases)
            .cases(300)
            .holds(
                c -> {
                  var ops = new ArrayList<>(execute(c.plan()));
                  List<Integer> gets = new ArrayList<>();
                  for (int i = 0; i < ops.size(); i++) {
                    if (ops.get(i).input().op() == KvOp.GET) {
                      gets.add(i);
                    }
                  }
                  Property.assume(!gets.isEmpty());
                  int i = gets.get(c.which() % gets.size());
                  Operation<KvInput, KvOutput> o = ops.get(i);
                  // Written values are digits only, so this string is in no state.
                  ops.set(
                      i,
                      new Operation<>(
                          o.clientId(),
                          o.input(),
                          KvOutput.of("never-written"),
                          o.call(),
                          o.ret()));
                  return LinearizabilityChecker.check(new KvModel(), ops, TIMEOUT).verdict()
                      == Verdict.NOT_LINEARIZABLE;
                }));
  }

  /** Random tiny histories with random outputs: about half are linearizable. */
  static Gen<List<Operation<KvInput, KvOutput>>> tinyHistories() {
    Gen<KvOp> kinds = Gen.elements(KvOp.GET, KvOp.PUT, KvOp.APPEND);
    Gen<String> values = Gen.elements("x", "y", "xy", "");
    Gen<Integer> calls = Gen.ints(0, 20);
    Gen<Integer> lengths = Gen.ints(0, 10);
    Gen<Operation<KvInput, KvOutput>> op =
        s -> {
          KvOp kind = s.draw(kinds);
          String v = s.draw(values);
          int call = s.draw(calls);
          int length = s.draw(lengths);
          KvInput in =
              kind == KvOp.GET ? KvInput.get("k") : new KvInput(kind, "k", v.isEmpty() ? "x" : v);
          KvOutput out = kind == KvOp.GET ? KvOutput.of(v) : KvOutput.NONE;
          return new Operation<>(0, in, out, call, call + length);
        };
    return op.list(1, 6);
  }

  @PropertyTest
  Stream<DynamicTest> agreesWithBruteForceOnTinyHistories(PropertyContext context) {
    return context.run(
        Property.forAll(tinyHistories())
            .cases(500)
            .holds(
                ops -> {
                  Verdict expected =
                      BruteForce.linearizable(ops)
                          ? Verdict.LINEARIZABLE
                          : Verdict.NOT_LINEARIZABLE;
                  return LinearizabilityChecker.check(new KvModel(), ops, TIMEOUT).verdict()
                      == expected;
                }));
  }
}
