package simlab.explore;

import java.time.Duration;
import java.util.List;
import simlab.harness.VersionedHistory;
import simlab.kvsrv1.VersionedClerk;
import simlab.linearizability.CheckOptions;
import simlab.linearizability.LinearizabilityChecker;
import simlab.linearizability.Operation;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvOutput;
import simlab.linearizability.model.VersionedInput;
import simlab.linearizability.model.VersionedKvModel;
import simlab.linearizability.model.VersionedOutput;
import simlab.sim.Simulation;

/**
 * What the 2025 systems (kvsrv1, kvraft1, shardkv1) share: a {@link VersionedHistory} of every
 * client operation, checked with 6.5840's versioned model ({@link VersionedKvModel}: a Put that
 * never returned may or may not have applied), and the durability probe, a fresh clerk reading
 * every key after the final restart of every node, its reads checked with the rest of the history.
 */
abstract class VersionedRun extends SystemRun {
  final VersionedHistory history;

  VersionedRun(Simulation sim, RunSpec spec) {
    super(sim, spec);
    this.history = new VersionedHistory(sim);
  }

  /** A new clerk for the final reads (its node is added when called). */
  abstract VersionedClerk freshClerk(String node);

  @Override
  List<Operation<KvInput, KvOutput>> history() {
    return null; // the versioned history is checked by checkHistory below
  }

  @Override
  Outcome checkHistory(String property, String what) {
    List<Operation<VersionedInput, VersionedOutput>> ops = history.operations();
    return verdict(
        LinearizabilityChecker.check(
            new VersionedKvModel(), ops, CheckOptions.withSteps(CHECK_STEPS)),
        ops.size(),
        property,
        what,
        " under the versioned model");
  }

  @Override
  Outcome checkDurability() {
    int reader = spec.params().clients();
    String node = "reader";
    VersionedClerk ck = history.recording(reader, node, freshClerk(node));
    for (int k = 0; k < spec.params().keys(); k++) {
      String key = "k" + k;
      await(ck.get(key), Duration.ofSeconds(10), "Get(" + key + ")");
    }
    return checkHistory(
        PropertyNames.DURABILITY, "reads of every key after the final restart of every server");
  }
}
