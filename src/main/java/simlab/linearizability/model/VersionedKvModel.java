package simlab.linearizability.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import simlab.linearizability.DeterministicModel;
import simlab.linearizability.Operation;

/**
 * The 2025 kvsrv: Put(k, v, ver) succeeds only when the key is at version ver.
 *
 * <p>ERR_MAYBE (the client cannot tell whether its Put applied) is legal whether or not the
 * versions match, and the Put applies exactly when they match. That is enough to cover "did not
 * happen": the server only answers ErrVersion to a retry whose version no longer matches, so such a
 * Put can be linearized at that moment, where it changes nothing. Partitioned by key, in key order.
 */
public final class VersionedKvModel
    implements DeterministicModel<VersionedValue, VersionedInput, VersionedOutput> {

  @Override
  public VersionedValue initialState() {
    return VersionedValue.ABSENT;
  }

  @Override
  public VersionedValue next(VersionedValue state, VersionedInput in, VersionedOutput out) {
    KvErr err = out.err();
    if (!in.put()) {
      if (state.absent()) {
        return err == KvErr.ERR_NO_KEY ? state : null;
      }
      boolean same =
          err == KvErr.OK && state.value().equals(out.value()) && state.version() == out.version();
      return same ? state : null;
    }
    if (in.version() == state.version()) {
      return err == KvErr.OK || err == KvErr.ERR_MAYBE
          ? new VersionedValue(in.value(), state.version() + 1)
          : null;
    }
    KvErr mismatch = state.absent() ? KvErr.ERR_NO_KEY : KvErr.ERR_VERSION;
    return err == mismatch || err == KvErr.ERR_MAYBE ? state : null;
  }

  @Override
  public List<List<Operation<VersionedInput, VersionedOutput>>> partition(
      List<Operation<VersionedInput, VersionedOutput>> history) {
    Map<String, List<Operation<VersionedInput, VersionedOutput>>> byKey = new TreeMap<>();
    for (Operation<VersionedInput, VersionedOutput> op : history) {
      byKey.computeIfAbsent(op.input().key(), k -> new ArrayList<>()).add(op);
    }
    return List.copyOf(byKey.values());
  }

  /** A part is one key; all its operations share it. */
  @Override
  public Optional<String> describePartition(
      List<Operation<VersionedInput, VersionedOutput>> operations) {
    return operations.isEmpty()
        ? Optional.empty()
        : Optional.of("key " + KvModel.quote(operations.get(0).input().key()));
  }

  @Override
  public String describeOperation(VersionedInput in, VersionedOutput out) {
    String key = KvModel.quote(in.key());
    if (!in.put()) {
      return out.err() == KvErr.OK
          ? "get(" + key + ") -> " + KvModel.quote(out.value()) + " v" + out.version()
          : "get(" + key + ") -> " + out.err();
    }
    return "put("
        + key
        + ", "
        + KvModel.quote(in.value())
        + ", v"
        + in.version()
        + ") -> "
        + out.err();
  }

  @Override
  public String describeState(VersionedValue state) {
    return state.absent() ? "absent" : KvModel.quote(state.value()) + " v" + state.version();
  }
}
