package simlab.harness;

import java.util.ArrayList;
import java.util.List;
import simlab.linearizability.Operation;
import simlab.linearizability.format.KvJsonLinesFormat;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvOutput;
import simlab.shardkv.ShardKvClerk;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;
import simlab.sim.TraceKind;

/**
 * Records the client operations of a test (call and return in virtual nanoseconds) and checks them
 * with the KV model, as 6.5840's porcupine wrappers do. Operations still pending at check time are
 * kept if they write (they may have taken effect: they get an open-ended return time) and dropped
 * if they read.
 */
public final class KvHistory {
  private final Simulation sim;
  private final List<Entry> entries = new ArrayList<>();

  private static final class Entry {
    final int client;
    final KvInput input;
    final long call;
    KvOutput output;
    long ret = -1;

    Entry(int client, KvInput input, long call) {
      this.client = client;
      this.input = input;
      this.call = call;
    }
  }

  public KvHistory(Simulation sim) {
    this.sim = sim;
  }

  public SimFuture<String> get(int client, ShardKvClerk ck, String key) {
    Entry e = begin(client, KvInput.get(key));
    SimFuture<String> f = ck.get(key);
    f.onComplete(v -> end(e, KvOutput.of(v)));
    return f;
  }

  public SimFuture<Void> put(int client, ShardKvClerk ck, String key, String value) {
    Entry e = begin(client, KvInput.put(key, value));
    SimFuture<Void> f = ck.put(key, value);
    f.onComplete(v -> end(e, KvOutput.NONE));
    return f;
  }

  public SimFuture<Void> append(int client, ShardKvClerk ck, String key, String value) {
    Entry e = begin(client, KvInput.append(key, value));
    SimFuture<Void> f = ck.append(key, value);
    f.onComplete(v -> end(e, KvOutput.NONE));
    return f;
  }

  public SimFuture<Void> delete(int client, ShardKvClerk ck, String key) {
    Entry e = begin(client, KvInput.delete(key));
    SimFuture<Void> f = ck.delete(key);
    f.onComplete(v -> end(e, KvOutput.NONE));
    return f;
  }

  private Entry begin(int client, KvInput in) {
    Entry e = new Entry(client, in, sim.nowNanos());
    entries.add(e);
    sim.record(TraceKind.INVOKE, "client-" + client, in.toString());
    return e;
  }

  private void end(Entry e, KvOutput out) {
    e.output = out;
    e.ret = sim.nowNanos();
    sim.record(TraceKind.RETURN, "client-" + e.client, String.valueOf(out));
  }

  public int size() {
    return entries.size();
  }

  public List<Operation<KvInput, KvOutput>> operations() {
    List<Operation<KvInput, KvOutput>> ops = new ArrayList<>();
    for (Entry e : entries) {
      if (e.ret >= 0) {
        ops.add(new Operation<>(e.client, e.input, e.output, e.call, e.ret));
      } else if (e.input.op() != simlab.linearizability.model.KvOp.GET) {
        ops.add(
            new Operation<>(
                e.client, e.input, KvOutput.NONE, e.call, KvJsonLinesFormat.NEVER_RETURNED));
      }
    }
    return ops;
  }

  /**
   * Fails if the history is not linearizable or could not be decided within {@link
   * HistoryCheck#MAX_STEPS}, after writing it as HTML to {@code
   * target/histories/<test>-seed<N>.html} and as JSON Lines (re-checkable with check-history) to
   * {@code target/histories/<test>-seed<N>.jsonl}; both paths are in the message.
   */
  public void checkLinearizable(String testName, long seed) {
    HistoryCheck.assertLinearizable(operations(), testName, seed);
  }
}
