package simlab.explore;

import java.time.Duration;
import java.util.List;
import simlab.linearizability.CheckOptions;
import simlab.linearizability.CheckResult;
import simlab.linearizability.LinearizabilityChecker;
import simlab.linearizability.Operation;
import simlab.linearizability.Verdict;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOutput;
import simlab.nemesis.NemesisTarget;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;
import simlab.workload.Workload;

/**
 * What differs between the systems in one explorer run: the cluster (as a nemesis target), its
 * workload, its end-of-run safety scan, its history and its durability probe. {@link ExploreRun}
 * runs the phases that are the same for all.
 */
abstract class SystemRun {
  /**
   * Budget of one linearizability check, in search steps per key (the graded suites' budget, {@link
   * simlab.harness.HistoryCheck#MAX_STEPS}), so the verdict depends on the seed alone, never on the
   * machine's speed. UNKNOWN is reported separately and never counts as a pass.
   */
  static final long CHECK_STEPS = simlab.harness.HistoryCheck.MAX_STEPS;

  final Simulation sim;
  final RunSpec spec;

  SystemRun(Simulation sim, RunSpec spec) {
    this.sim = sim;
    this.spec = spec;
  }

  static SystemRun create(Simulation sim, RunSpec spec) {
    return switch (spec.system()) {
      case RAFT -> new RaftRun(sim, spec);
      case KV -> new KvRun(sim, spec);
      case SHARDKV -> new ShardKvRun(sim, spec);
      case KVSRV1 -> new KvSrv1Run(sim, spec);
      case KVRAFT1 -> new KvRaft1Run(sim, spec);
      case SHARDKV1 -> new ShardKv1Run(sim, spec);
    };
  }

  abstract NemesisTarget target();

  abstract Workload workload();

  /** Work before the nemesis starts (shardkv joins its first group). */
  void setUp() {}

  /** A complete scan of every Raft log by the invariant monitors. */
  abstract void fullCheck();

  /** The client history so far, or null when the system records none (Raft). */
  abstract List<Operation<KvInput, KvOutput>> history();

  /**
   * Checks the clients' history so far: null when linearizable (or when the system records none),
   * the UNKNOWN outcome when the check ran out of budget; throws {@link PropertyFailure} naming
   * {@code property} otherwise. The 2025 systems override it with the versioned model.
   */
  Outcome checkHistory(String property, String what) {
    List<Operation<KvInput, KvOutput>> h = history();
    return h == null ? null : linearizability(new java.util.ArrayList<>(h), property, what);
  }

  /**
   * Whether the service keeps its state across a crash of every node. When not (kvsrv1: one
   * in-memory server), the run ends without the final power loss and durability check, and the
   * system offers no crash faults.
   */
  boolean durable() {
    return spec.system().durable();
  }

  /**
   * After the final crash and restart of every node (leaders already elected): checks that every
   * acknowledged write is still there; throws {@link PropertyFailure}, or returns an UNKNOWN
   * outcome when the check ran out of budget, else null.
   */
  abstract Outcome checkDurability();

  /** Waits for a future at most {@code limit}; a liveness failure naming {@code what} otherwise. */
  <T> T await(SimFuture<T> f, Duration limit, String what) {
    if (!sim.runUntil(f::isDone, limit)) {
      throw new PropertyFailure(
          PropertyNames.LIVENESS,
          what
              + " did not complete within "
              + limit.toSeconds()
              + " s of virtual time after the final restart of every node");
    }
    return f.get();
  }

  static CheckResult<KvInput, KvOutput> check(List<Operation<KvInput, KvOutput>> ops) {
    return LinearizabilityChecker.check(new KvModel(), ops, CheckOptions.withSteps(CHECK_STEPS));
  }

  /** null when linearizable; the failure or UNKNOWN outcome otherwise. */
  Outcome linearizability(List<Operation<KvInput, KvOutput>> ops, String property, String what) {
    return verdict(check(ops), ops.size(), property, what, "");
  }

  /**
   * What a history check means for the run, for every model: null when linearizable, an UNKNOWN
   * outcome when the step budget ran out (reported apart, never as a pass), else a failure of
   * {@code property}; {@code model} names a non-default model in the message.
   */
  <I, O> Outcome verdict(
      CheckResult<I, O> r, int operations, String property, String what, String model) {
    if (r.verdict() == Verdict.LINEARIZABLE) {
      return null;
    }
    if (r.verdict() == Verdict.UNKNOWN) {
      return new Outcome(
          Outcome.Result.UNKNOWN,
          property,
          "the linearizability check of "
              + operations
              + " operations ran out of its "
              + CHECK_STEPS
              + "-step budget ("
              + what
              + ")",
          sim.trace().hashHex());
    }
    throw new PropertyFailure(
        property,
        what
            + ": history of "
            + operations
            + " operations is not linearizable"
            + model
            + " ("
            + r.failures().size()
            + " of "
            + r.partitions().size()
            + " keys fail)");
  }
}
