package simlab.linearizability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOp;
import simlab.linearizability.model.KvOutput;

/**
 * A deliberately false property, run only by {@link ShrinkingTest} (its name keeps it out
 * of the Surefire run): it claims that a history with a read of a never-written value is
 * linearizable. jqwik must find a counterexample and shrink it to the smallest one.
 */
class ShrinkingSpec {
  static final String MARKER = "counterexample with operations: ";

  @Provide
  Arbitrary<List<LinearizabilityProperties.Planned>> plans() {
    return new LinearizabilityProperties().plans();
  }

  @Property(tries = 200, seed = "42")
  void aCorruptedReadIsLinearizable(@ForAll("plans") List<LinearizabilityProperties.Planned> plan) {
    List<Operation<KvInput, KvOutput>> ops = new ArrayList<>(LinearizabilityProperties.execute(plan));
    for (int i = 0; i < ops.size(); i++) {
      Operation<KvInput, KvOutput> o = ops.get(i);
      if (o.input().op() == KvOp.GET) {
        ops.set(i, new Operation<>(o.clientId(), o.input(), KvOutput.of("never-written"), o.call(), o.ret()));
        break;
      }
    }
    Verdict v = LinearizabilityChecker.check(new KvModel(), ops, Duration.ofSeconds(10)).verdict();
    if (v != Verdict.LINEARIZABLE) {
      throw new AssertionError(MARKER + ops.size());
    }
  }
}
