package simlab.linearizability;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOp;
import simlab.linearizability.model.KvOutput;
import simlab.testing.property.Property;
import simlab.testing.property.PropertyResult;
import simlab.testing.property.PropertyRunner;

/** Proves that a failing linearizability property shrinks to a minimal history. */
class ShrinkingTest {

  /**
   * A deliberately false property: a history whose first read returns a value nobody wrote is
   * linearizable. The smallest counterexample is a single such read.
   */
  private static final Property<List<LinearizabilityProperties.Planned>>
      A_CORRUPTED_READ_IS_LINEARIZABLE =
          Property.forAll(LinearizabilityProperties.plans())
              .cases(200)
              .holds(
                  plan ->
                      LinearizabilityChecker.check(
                                  new KvModel(), corruptFirstRead(plan), Duration.ofSeconds(10))
                              .verdict()
                          == Verdict.LINEARIZABLE);

  static List<Operation<KvInput, KvOutput>> corruptFirstRead(
      List<LinearizabilityProperties.Planned> plan) {
    List<Operation<KvInput, KvOutput>> ops =
        new ArrayList<>(LinearizabilityProperties.execute(plan));
    for (int i = 0; i < ops.size(); i++) {
      Operation<KvInput, KvOutput> o = ops.get(i);
      if (o.input().op() == KvOp.GET) {
        ops.set(
            i,
            new Operation<>(
                o.clientId(), o.input(), KvOutput.of("never-written"), o.call(), o.ret()));
        break;
      }
    }
    return ops;
  }

  @Test
  void aFalsePropertyShrinksToASingleCorruptedRead() {
    for (long seed = 1; seed <= 3; seed++) {
      PropertyResult<List<LinearizabilityProperties.Planned>> result =
          PropertyRunner.withoutSaving()
              .run(
                  "ShrinkingTest.aCorruptedReadIsLinearizable",
                  A_CORRUPTED_READ_IS_LINEARIZABLE,
                  seed);
      var failed =
          assertInstanceOf(PropertyResult.Failed.class, result, "the false property must fail");
      @SuppressWarnings("unchecked")
      List<LinearizabilityProperties.Planned> plan =
          (List<LinearizabilityProperties.Planned>) failed.value();
      // A single Get reading a value nobody wrote is the smallest counterexample.
      assertEquals(1, plan.size(), "not shrunk to one operation: " + failed.report());
      assertEquals(KvOp.GET, plan.get(0).op(), failed.report());
      assertTrue(failed.shrunk().size() < failed.original().size(), failed.report());
    }
  }
}
