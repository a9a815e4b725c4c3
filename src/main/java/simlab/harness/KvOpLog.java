package simlab.harness;

import java.util.ArrayList;
import java.util.List;
import simlab.linearizability.Operation;
import simlab.linearizability.format.KvJsonLinesFormat;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvOp;
import simlab.linearizability.model.KvOutput;

/**
 * The recorded client history of one test (6.5840's OpLog): every operation with its client, input,
 * output and virtual call/return times in nanoseconds.
 *
 * <p>A write that was called but never returned (a clerk still stuck in a minority when the test
 * ends) may still have taken effect, so {@link #operations()} includes it with a return time of
 * "never"; a read that never returned tells nothing and is left out.
 */
public final class KvOpLog {
  private final List<Operation<KvInput, KvOutput>> done = new ArrayList<>();
  private final List<Pending> pending = new ArrayList<>();

  /** A call that has not returned yet. */
  public final class Pending {
    private final int clientId;
    private final KvInput input;
    private final long call;
    private boolean returned;

    private Pending(int clientId, KvInput input, long call) {
      this.clientId = clientId;
      this.input = input;
      this.call = call;
    }

    public void returned(KvOutput output, long ret) {
      if (returned) {
        return;
      }
      returned = true;
      pending.remove(this);
      done.add(new Operation<>(clientId, input, output, call, ret));
    }
  }

  public Pending called(int clientId, KvInput input, long call) {
    Pending p = new Pending(clientId, input, call);
    pending.add(p);
    return p;
  }

  public int size() {
    return done.size();
  }

  /**
   * Completed operations plus writes still outstanding (returning at
   * KvJsonLinesFormat.NEVER_RETURNED).
   */
  public List<Operation<KvInput, KvOutput>> operations() {
    List<Operation<KvInput, KvOutput>> all = new ArrayList<>(done);
    for (Pending p : pending) {
      if (p.input.op() != KvOp.GET) {
        all.add(
            new Operation<>(
                p.clientId, p.input, KvOutput.NONE, p.call, KvJsonLinesFormat.NEVER_RETURNED));
      }
    }
    return all;
  }
}
