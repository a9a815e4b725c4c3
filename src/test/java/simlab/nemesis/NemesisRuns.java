package simlab.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import simlab.kv.ReferenceKv;
import simlab.linearizability.CheckResult;
import simlab.linearizability.LinearizabilityChecker;
import simlab.linearizability.Operation;
import simlab.linearizability.Verdict;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOutput;
import simlab.raft.ReferenceRaftFactory;
import simlab.shardctrler.ReferenceShardCtrlerFactory;
import simlab.shardkv.ReferenceShardKvFactory;
import simlab.sim.Simulation;
import simlab.workload.KvWorkload;
import simlab.workload.RaftWorkload;
import simlab.workload.ShardKvWorkload;
import simlab.workload.Workload;
import simlab.workload.WorkloadParams;

/** One run of each system under a schedule with its workload, checked as the explorer will. */
final class NemesisRuns {
  /** After the last step, clients must finish within this much virtual time. */
  static final Duration FINISH = Duration.ofSeconds(60);

  record Outcome(String traceHash, List<String> log, long completed) {}

  /** Proposed once the clients are done; their commands are positive. */
  private static final int PROBE = -1;

  private NemesisRuns() {}

  static Outcome raft(Simulation sim, Schedule schedule) {
    RaftTarget t = RaftTarget.create(sim, 5, true, true, new ReferenceRaftFactory());
    RaftWorkload w =
        new RaftWorkload(t.cluster(), new WorkloadParams(3, 1, 25, Duration.ofMillis(20), 0));
    NemesisDriver d = drive(t, schedule, w);
    // A restarted server forgets its commit index, and a leader commits only entries of its own
    // term: after a crash of every node, acknowledged entries are applied again only once a new
    // command commits. Without this probe an idle cluster looks as if it had lost them.
    t.cluster().one(PROBE, 3, true);
    t.cluster().monitor().fullCheck();
    for (Map.Entry<Integer, Integer> e : w.acknowledged().entrySet()) {
      assertEquals(
          e.getValue(),
          t.cluster().nCommitted(e.getKey()).command(),
          "acknowledged command lost at index " + e.getKey());
    }
    assertEquals(75, w.acknowledged().size(), "every command acknowledged once");
    return new Outcome(sim.trace().hashHex(), d.log(), w.completed());
  }

  static Outcome kv(Simulation sim, Schedule schedule, WorkloadParams params) {
    KvTarget t =
        KvTarget.create(sim, 5, false, 1000, new ReferenceKv(), new ReferenceRaftFactory());
    KvWorkload w = new KvWorkload(t.cluster(), params);
    NemesisDriver d = drive(t, schedule, w);
    t.fullCheck();
    assertLinearizable(t.cluster().history().operations());
    return new Outcome(sim.trace().hashHex(), d.log(), w.completed());
  }

  static Outcome shardkv(Simulation sim, Schedule schedule) {
    ShardKvTarget t =
        ShardKvTarget.create(
            sim,
            false,
            1000,
            new ReferenceRaftFactory(),
            new ReferenceShardCtrlerFactory(),
            new ReferenceShardKvFactory());
    ShardKvWorkload w =
        new ShardKvWorkload(t.cluster(), WorkloadParams.contended(), Duration.ofMillis(400));
    w.setUp();
    NemesisDriver d = drive(t, schedule, w);
    t.fullCheck();
    assertTrue(!w.configLog().isEmpty(), "no reconfiguration happened");
    assertLinearizable(w.history().operations());
    return new Outcome(sim.trace().hashHex(), d.log(), w.completed());
  }

  private static NemesisDriver drive(NemesisTarget t, Schedule schedule, Workload w) {
    Simulation sim = t.sim();
    NemesisDriver d = new NemesisDriver(t, schedule, null);
    w.start();
    d.start();
    assertTrue(
        sim.runUntil(d::finished, Duration.ofMillis(schedule.endMs() + 1)),
        "nemesis did not finish");
    assertTrue(
        sim.runUntil(w::finished, FINISH),
        "clients did not finish within "
            + FINISH.toSeconds()
            + " s after the schedule ended; pending "
            + w.pending());
    assertEquals(schedule.size(), d.applied());
    return d;
  }

  static void assertLinearizable(List<Operation<KvInput, KvOutput>> ops) {
    CheckResult<KvInput, KvOutput> r =
        LinearizabilityChecker.check(new KvModel(), ops, Duration.ofSeconds(60));
    assertEquals(Verdict.LINEARIZABLE, r.verdict(), "history of " + ops.size() + " operations");
  }
}
