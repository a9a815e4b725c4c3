package simlab.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetResult;
import simlab.kvsrv1.VersionedClerk;
import simlab.linearizability.CheckOptions;
import simlab.linearizability.CheckResult;
import simlab.linearizability.LinearizabilityChecker;
import simlab.linearizability.Operation;
import simlab.linearizability.Verdict;
import simlab.linearizability.format.KvJsonLinesFormat;
import simlab.linearizability.html.HistoryTime;
import simlab.linearizability.html.HtmlReport;
import simlab.linearizability.model.VersionedInput;
import simlab.linearizability.model.VersionedKvModel;
import simlab.linearizability.model.VersionedOutput;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;
import simlab.sim.TraceKind;

/**
 * The recorded history of a 2025 KV test (6.5840's {@code kvtest.OpLog} with porcupine's KvModel):
 * wrap a clerk with {@link #recording} and every Get and Put through the wrapper is logged with its
 * client, input, output and virtual call/return times, and drawn on the client's lane of the run
 * report. Operations made on the bare clerk are not recorded, as in 6.5840, where only {@code
 * ts.Get}/{@code ts.Put} are.
 *
 * <p>At check time a Put that never returned may still have been applied, so it is kept with a
 * return time of "never" and the answer ErrMaybe (the model then lets it apply exactly when its
 * version matches); a Get that never returned tells nothing and is left out.
 *
 * <p>{@link #check} runs the checker with {@link HistoryCheck#MAX_STEPS} search steps per key, not
 * 6.5840's wall-clock seconds, so the verdict is a function of the seed; an undecided history fails
 * (6.5840 passes it), so no history passes unchecked.
 */
public final class VersionedHistory {
  private final Simulation sim;
  private final List<Entry> entries = new ArrayList<>();

  private static final class Entry {
    final int client;
    final VersionedInput input;
    final long call;
    VersionedOutput output;
    long ret = -1;

    Entry(int client, VersionedInput input, long call) {
      this.client = client;
      this.input = input;
      this.call = call;
    }
  }

  public VersionedHistory(Simulation sim) {
    this.sim = sim;
  }

  /**
   * A clerk that records every call into this history as client {@code client}; {@code node} is the
   * lane the operations are drawn on in the run report (the clerk's node id).
   */
  public VersionedClerk recording(int client, String node, VersionedClerk clerk) {
    return new VersionedClerk() {
      @Override
      public SimFuture<GetResult> get(String key) {
        Entry e = begin(client, node, VersionedInput.get(key));
        SimFuture<GetResult> f = clerk.get(key);
        f.onComplete(r -> end(e, node, VersionedOutput.of(r)));
        return f;
      }

      @Override
      public SimFuture<Err> put(String key, String value, long version) {
        Entry e = begin(client, node, VersionedInput.put(key, value, version));
        SimFuture<Err> f = clerk.put(key, value, version);
        f.onComplete(err -> end(e, node, VersionedOutput.of(err)));
        return f;
      }
    };
  }

  private Entry begin(int client, String node, VersionedInput in) {
    Entry e = new Entry(client, in, sim.nowNanos());
    entries.add(e);
    sim.record(TraceKind.INVOKE, node, describe(in));
    return e;
  }

  private void end(Entry e, String node, VersionedOutput out) {
    e.output = out;
    e.ret = sim.nowNanos();
    sim.record(
        TraceKind.RETURN,
        node,
        e.input.put() ? out.err().name() : out.value() + " v" + out.version() + " " + out.err());
  }

  private static String describe(VersionedInput in) {
    return in.put()
        ? "put(" + in.key() + ", " + in.value() + ", v" + in.version() + ")"
        : "get(" + in.key() + ")";
  }

  /** Operations recorded so far, returned or not. */
  public int size() {
    return entries.size();
  }

  /** Completed operations plus Puts still outstanding (see the class comment). */
  public List<Operation<VersionedInput, VersionedOutput>> operations() {
    List<Operation<VersionedInput, VersionedOutput>> ops = new ArrayList<>();
    for (Entry e : entries) {
      if (e.ret >= 0) {
        ops.add(new Operation<>(e.client, e.input, e.output, e.call, e.ret));
      } else if (e.input.put()) {
        ops.add(
            new Operation<>(
                e.client,
                e.input,
                VersionedOutput.of(Err.ErrMaybe),
                e.call,
                KvJsonLinesFormat.NEVER_RETURNED));
      }
    }
    return ops;
  }

  /**
   * Fails (AssertionError) if the history is not linearizable or was not decided within the step
   * budget, after writing it as HTML to {@code target/histories/<test>-seed<N>.html} (the path is
   * in the message, and the run report links it).
   */
  public void check(String testName, long seed) {
    check(testName, seed, HistoryCheck.MAX_STEPS);
  }

  /** As {@link #check(String, long)} with another step budget per key. */
  public void check(String testName, long seed, long maxSteps) {
    List<Operation<VersionedInput, VersionedOutput>> ops = operations();
    sim.annotate("check linearizability of " + ops.size() + " operations ...");
    VersionedKvModel model = new VersionedKvModel();
    CheckResult<VersionedInput, VersionedOutput> r =
        LinearizabilityChecker.check(model, ops, CheckOptions.withSteps(maxSteps));
    if (r.verdict() == Verdict.LINEARIZABLE) {
      sim.annotate("check linearizability passed");
      return;
    }
    Path html = HistoryCheck.OUT_DIR.resolve(testName + "-seed" + seed + ".html");
    String where;
    try {
      HtmlReport.write(html, r, model, HistoryTime.VIRTUAL_NANOS);
      where = "visualization written to " + html.toAbsolutePath();
    } catch (IOException e) {
      where = "could not write the history to " + html + ": " + e;
    }
    if (r.verdict() == Verdict.UNKNOWN) {
      sim.annotate("FAILED: linearizability check undecided");
      throw new AssertionError(
          "linearizability check undecided ("
              + ops.size()
              + " operations): a key needed more than "
              + maxSteps
              + " search steps (or the checker ran out of "
              + r.exhausted()
              + "); an unchecked history does not pass; "
              + where);
    }
    sim.annotate("FAILED: history is not linearizable");
    throw new AssertionError(
        "history is not linearizable (" + ops.size() + " operations); " + where);
  }
}
