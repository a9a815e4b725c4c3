package simlab.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import simlab.linearizability.format.JepsenEtcdFormat;
import simlab.linearizability.model.EtcdInput;
import simlab.linearizability.model.EtcdModel;
import simlab.linearizability.model.EtcdOutput;

/**
 * The etcd model's lookahead prunes only hopeless states: on random small histories the checker
 * agrees with trying every real-time order, and on a Porcupine log it saves search steps.
 */
class EtcdLookaheadTest {
  private static final CheckOptions ONE_THREAD = new CheckOptions(Duration.ofMinutes(1), 1);

  /** The etcd register without the lookahead. */
  private static final class Plain implements DeterministicModel<Long, EtcdInput, EtcdOutput> {
    private final EtcdModel etcd = new EtcdModel();

    @Override
    public Long initialState() {
      return etcd.initialState();
    }

    @Override
    public Long next(Long state, EtcdInput in, EtcdOutput out) {
      return etcd.next(state, in, out);
    }
  }

  @Test
  void agreesWithEveryOrderOnRandomHistories() {
    SplittableRandom rnd = new SplittableRandom(9);
    int[] verdicts = new int[2];
    for (int h = 0; h < 3000; h++) {
      List<Operation<EtcdInput, EtcdOutput>> ops = random(rnd, 2 + rnd.nextInt(7));
      boolean expected = BruteForce.linearizable(ops, EtcdModel.NIL, new EtcdModel()::next);
      Verdict v = LinearizabilityChecker.check(new EtcdModel(), ops, ONE_THREAD).verdict();
      assertEquals(
          expected ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE,
          v,
          "history " + h + ": " + ops);
      verdicts[expected ? 0 : 1]++;
    }
    // Both verdicts occur often, so agreement means something.
    assertTrue(verdicts[0] > 300 && verdicts[1] > 300, verdicts[0] + " / " + verdicts[1]);
  }

  @Test
  void prunesPorcupinesHardestLog() throws Exception {
    var file = HistoryDir.get().resolve("jepsen").resolve("etcd_002.log");
    var ops = JepsenEtcdFormat.parse("etcd_002.log", Files.readAllLines(file));
    var pruned = LinearizabilityChecker.check(new EtcdModel(), ops, ONE_THREAD);
    var plain = LinearizabilityChecker.check(new Plain(), ops, ONE_THREAD);
    assertEquals(Verdict.LINEARIZABLE, pruned.verdict());
    assertEquals(plain.verdict(), pruned.verdict());
    assertTrue(
        pruned.steps() * 2 < plain.steps(),
        "steps with the lookahead " + pruned.steps() + ", without " + plain.steps());
  }

  /** Overlapping operations on values 0..2, with every status the format allows. */
  private static List<Operation<EtcdInput, EtcdOutput>> random(SplittableRandom rnd, int n) {
    List<Operation<EtcdInput, EtcdOutput>> ops = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long call = rnd.nextInt(12);
      long ret = call + rnd.nextInt(6);
      EtcdInput in =
          switch (rnd.nextInt(3)) {
            case 0 -> EtcdInput.read();
            case 1 -> EtcdInput.write(rnd.nextInt(3));
            default -> EtcdInput.cas(rnd.nextInt(3), rnd.nextInt(3));
          };
      int s = rnd.nextInt(10);
      EtcdOutput out;
      if (s == 0) {
        out = EtcdOutput.UNKNOWN;
      } else if (in.op() == simlab.linearizability.model.EtcdOp.READ) {
        int r = rnd.nextInt(4);
        out = EtcdOutput.read(r == 3 ? null : r);
      } else if (in.op() == simlab.linearizability.model.EtcdOp.CAS && s < 4) {
        out = EtcdOutput.FAIL;
      } else {
        out = EtcdOutput.OK;
      }
      ops.add(new Operation<>(i, in, out, call, ret));
    }
    return ops;
  }
}
