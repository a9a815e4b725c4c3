package simlab.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import simlab.linearizability.model.EtcdOp;
import simlab.linearizability.model.EtcdOutput;

/**
 * The search commits to a legal read-only operation that may go next (see {@link WglSearch}): on
 * random read-heavy histories the verdict agrees with trying every real-time order, with and
 * without the etcd lookahead, and on Porcupine's hardest logs it saves search steps.
 */
class ReadOnlyReductionTest {
  private static final CheckOptions ONE_THREAD = new CheckOptions(Duration.ofMinutes(1), 1);

  /** The etcd register, its read-only operations declared or not, without the lookahead. */
  private static final class Register implements DeterministicModel<Long, EtcdInput, EtcdOutput> {
    private final EtcdModel etcd = new EtcdModel();
    private final boolean declareReadOnly;

    Register(boolean declareReadOnly) {
      this.declareReadOnly = declareReadOnly;
    }

    @Override
    public Long initialState() {
      return etcd.initialState();
    }

    @Override
    public Long next(Long state, EtcdInput in, EtcdOutput out) {
      return etcd.next(state, in, out);
    }

    @Override
    public boolean readOnly(EtcdInput in, EtcdOutput out) {
      return declareReadOnly && etcd.readOnly(in, out);
    }
  }

  /** The etcd register with its lookahead, its read-only operations not declared. */
  private static final class NoReduction
      implements DeterministicModel<Long, EtcdInput, EtcdOutput> {
    private final EtcdModel etcd = new EtcdModel();

    @Override
    public Long initialState() {
      return etcd.initialState();
    }

    @Override
    public Long next(Long state, EtcdInput in, EtcdOutput out) {
      return etcd.next(state, in, out);
    }

    @Override
    public Lookahead<Long> lookahead(List<Operation<EtcdInput, EtcdOutput>> partition) {
      return etcd.lookahead(partition);
    }
  }

  @Test
  void etcdDeclaresExactlyTheOperationsThatNeverChangeTheState() {
    EtcdModel etcd = new EtcdModel();
    for (EtcdInput in :
        List.of(EtcdInput.read(), EtcdInput.write(1), EtcdInput.cas(1, 2), EtcdInput.cas(2, 2))) {
      for (EtcdOutput out :
          List.of(EtcdOutput.OK, EtcdOutput.FAIL, EtcdOutput.UNKNOWN, EtcdOutput.read(1))) {
        if (in.op() != EtcdOp.READ && out.read() != null) {
          continue;
        }
        boolean changes = false;
        for (long s : new long[] {EtcdModel.NIL, 0, 1, 2, 3}) {
          Long state = s;
          Long next = etcd.next(state, in, out);
          changes |= next != null && next != state;
        }
        // cas(2, 2) with OK changes nothing either, but the model need not say so.
        if (!(in.op() == EtcdOp.CAS && in.value() == in.to())) {
          assertEquals(!changes, etcd.readOnly(in, out), in + " -> " + out);
        } else if (etcd.readOnly(in, out)) {
          assertFalse(changes, in + " -> " + out);
        }
      }
    }
  }

  @Test
  void agreesWithEveryOrderOnRandomReadHeavyHistories() {
    SplittableRandom rnd = new SplittableRandom(17);
    int[] verdicts = new int[2];
    long[] steps = new long[2];
    for (int h = 0; h < 3000; h++) {
      List<Operation<EtcdInput, EtcdOutput>> ops = random(rnd, 2 + rnd.nextInt(8));
      boolean expected = BruteForce.linearizable(ops, EtcdModel.NIL, new EtcdModel()::next);
      Verdict want = expected ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE;
      CheckResult<EtcdInput, EtcdOutput> reduced =
          LinearizabilityChecker.check(new Register(true), ops, ONE_THREAD);
      assertEquals(want, reduced.verdict(), "reduction alone, history " + h + ": " + ops);
      assertEquals(
          want,
          LinearizabilityChecker.check(new EtcdModel(), ops, ONE_THREAD).verdict(),
          "reduction and lookahead, history " + h + ": " + ops);
      // Without the declaration the search is the plain one.
      CheckResult<EtcdInput, EtcdOutput> plain =
          LinearizabilityChecker.check(new Register(false), ops, ONE_THREAD);
      assertEquals(want, plain.verdict());
      steps[0] += reduced.steps();
      steps[1] += plain.steps();
      if (!expected) {
        int failing = reduced.partitions().get(0).failingOperation();
        assertTrue(failing >= 0 && failing < ops.size(), "failing operation " + failing);
      }
      verdicts[expected ? 0 : 1]++;
    }
    assertTrue(verdicts[0] > 300 && verdicts[1] > 300, verdicts[0] + " / " + verdicts[1]);
    assertTrue(
        steps[0] < steps[1], "steps with the reduction " + steps[0] + ", without " + steps[1]);
  }

  @Test
  void savesStepsOnPorcupinesHardestLogs() throws Exception {
    for (String name : List.of("etcd_002.log", "etcd_057.log", "etcd_075.log")) {
      var file = HistoryDir.get().resolve("jepsen").resolve(name);
      var ops = JepsenEtcdFormat.parse(name, Files.readAllLines(file));
      var reduced = LinearizabilityChecker.check(new EtcdModel(), ops, ONE_THREAD);
      var without = LinearizabilityChecker.check(new NoReduction(), ops, ONE_THREAD);
      assertEquals(without.verdict(), reduced.verdict(), name);
      assertTrue(
          reduced.steps() * 3 < without.steps() * 2,
          name + ": steps with the reduction " + reduced.steps() + ", without " + without.steps());
    }
  }

  /** Overlapping operations on values 0..2, mostly reads, with every status the format allows. */
  private static List<Operation<EtcdInput, EtcdOutput>> random(SplittableRandom rnd, int n) {
    List<Operation<EtcdInput, EtcdOutput>> ops = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long call = rnd.nextInt(12);
      long ret = call + rnd.nextInt(6);
      int kind = rnd.nextInt(10);
      EtcdInput in =
          kind < 5
              ? EtcdInput.read()
              : kind < 8 ? EtcdInput.write(rnd.nextInt(3)) : EtcdInput.cas(rnd.nextInt(3), 1);
      int s = rnd.nextInt(10);
      EtcdOutput out;
      if (s == 0) {
        out = EtcdOutput.UNKNOWN;
      } else if (in.op() == EtcdOp.READ) {
        int r = rnd.nextInt(4);
        out = EtcdOutput.read(r == 3 ? null : r);
      } else if (s < 3) {
        out = EtcdOutput.FAIL;
      } else {
        out = EtcdOutput.OK;
      }
      ops.add(new Operation<>(i, in, out, call, ret));
    }
    return ops;
  }
}
