package simlab.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.linearizability.format.JepsenEtcdFormat;
import simlab.linearizability.format.PorcupineKvFormat;
import simlab.linearizability.model.EtcdModel;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOutput;

/** The deterministic budget: verdicts and step counts depend on the history alone. */
class StepBudgetTest {
  private static final Duration LONG = Duration.ofMinutes(10);

  private static List<Operation<KvInput, KvOutput>> kv(String name) throws Exception {
    var file = HistoryDir.get().resolve("kv").resolve(name);
    return PorcupineKvFormat.parse(name, Files.readAllLines(file));
  }

  @Test
  void sameHistoryTakesTheSameStepsOnEveryRunAndThreadCount() throws Exception {
    var ops = kv("c10-ok.txt");
    var one = LinearizabilityChecker.check(new KvModel(), ops, new CheckOptions(LONG, 1));
    var again = LinearizabilityChecker.check(new KvModel(), ops, new CheckOptions(LONG, 1));
    var four = LinearizabilityChecker.check(new KvModel(), ops, new CheckOptions(LONG, 4));
    assertEquals(Verdict.LINEARIZABLE, one.verdict());
    assertTrue(one.steps() > ops.size() / 2, "a real search: " + one.steps() + " steps");
    for (int p = 0; p < one.partitions().size(); p++) {
      assertEquals(
          one.partitions().get(p).steps(), again.partitions().get(p).steps(), "partition " + p);
      assertEquals(
          one.partitions().get(p).steps(), four.partitions().get(p).steps(), "partition " + p);
    }
  }

  @Test
  void aHistoryNeedingMoreStepsThanTheBudgetIsUnknownHoweverFastTheMachine() throws Exception {
    var file = HistoryDir.get().resolve("jepsen").resolve("etcd_002.log");
    var ops = JepsenEtcdFormat.parse("etcd_002.log", Files.readAllLines(file));
    var free = LinearizabilityChecker.check(new EtcdModel(), ops, new CheckOptions(LONG, 1));
    long needed = free.maxPartitionSteps();
    assertNotEquals(Verdict.UNKNOWN, free.verdict());
    assertTrue(needed > 100, "needs a real search: " + needed);

    var cut =
        LinearizabilityChecker.check(new EtcdModel(), ops, CheckOptions.withSteps(needed - 1));
    assertEquals(Verdict.UNKNOWN, cut.verdict());
    assertEquals("steps", cut.exhausted());
    assertEquals(needed - 1, cut.maxPartitionSteps(), "stops exactly at the budget");

    var enough = LinearizabilityChecker.check(new EtcdModel(), ops, CheckOptions.withSteps(needed));
    assertEquals(free.verdict(), enough.verdict());
    assertEquals(needed, enough.maxPartitionSteps());
    assertEquals("", enough.exhausted());
  }

  @Test
  void aStepBudgetLeavesOtherKeysTheirOwnBudget() throws Exception {
    var ops = kv("c10-ok.txt");
    var free = LinearizabilityChecker.check(new KvModel(), ops, new CheckOptions(LONG, 1));
    long max = free.maxPartitionSteps();
    var cut = LinearizabilityChecker.check(new KvModel(), ops, CheckOptions.withSteps(max - 1));
    assertEquals(Verdict.UNKNOWN, cut.verdict());
    long decided =
        cut.partitions().stream().filter(p -> p.verdict() == Verdict.LINEARIZABLE).count();
    long cheaper = free.partitions().stream().filter(p -> p.steps() < max).count();
    assertEquals(cheaper, decided, "every key cheaper than the budget is still decided");
  }
}
