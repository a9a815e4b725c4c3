package simlab.linearizability.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import simlab.kvsrv1.Err;
import simlab.linearizability.DeterministicModel;
import simlab.linearizability.Operation;

/**
 * The 2025 labs' versioned key/value service, with 6.5840's rules ({@code models1.KvModel}),
 * partitioned by key in key order. The state of a key is (value, version), from ("", 0).
 *
 * <ul>
 *   <li>A Get is legal iff it returned the state's value. Its version and its Err are not checked,
 *       as in 6.5840: a missing key's Get returns "" with ErrNoKey and is legal in the initial
 *       state.
 *   <li>A Put whose version equals the state's is legal iff it returned OK or ErrMaybe; the state
 *       becomes (value, version + 1). ErrMaybe counts as applied here: with the version unchanged
 *       up to the Put's linearization point, the first copy the clerk sent would have been applied.
 *   <li>Any other Put is legal iff it returned ErrVersion or ErrMaybe, and changes nothing. (A Put
 *       of a missing key with a version above 0 gets ErrNoKey from a correct server and is illegal
 *       in this model, as in 6.5840's; the graded tests never record such a Put.)
 * </ul>
 */
public final class VersionedKvModel
    implements DeterministicModel<VersionedValue, VersionedInput, VersionedOutput> {

  @Override
  public VersionedValue initialState() {
    return VersionedValue.INITIAL;
  }

  @Override
  public VersionedValue next(VersionedValue state, VersionedInput in, VersionedOutput out) {
    Err err = out.err();
    if (!in.put()) {
      return state.value().equals(out.value()) ? state : null;
    }
    if (in.version() == state.version()) {
      return err == Err.OK || err == Err.ErrMaybe
          ? new VersionedValue(in.value(), state.version() + 1)
          : null;
    }
    return err == Err.ErrVersion || err == Err.ErrMaybe ? state : null;
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
      return "get("
          + key
          + ") -> "
          + (out.value() == null ? "?" : KvModel.quote(out.value()))
          + " v"
          + out.version()
          + (out.err() == Err.OK ? "" : " " + out.err());
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
    return KvModel.quote(state.value()) + " v" + state.version();
  }
}
