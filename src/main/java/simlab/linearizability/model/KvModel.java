package simlab.linearizability.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import simlab.linearizability.DeterministicModel;
import simlab.linearizability.Lookahead;
import simlab.linearizability.Model;
import simlab.linearizability.Operation;

/**
 * The key/value service as in 6.5840 kvsrv/kvraft: each key is an independent string register. A
 * missing key reads as "", and DELETE makes the key missing, so the state of one key is simply its
 * value ("" when absent), held as a {@link KvValue}. Histories are partitioned by key, in key
 * order.
 *
 * <p>An APPEND whose output is not null returned the value the key had before (6.5840 2024 kvsrv);
 * it is legal only in exactly that state. An APPEND with a null output (as in kvraft, or one that
 * never returned) is checked by its effect alone.
 *
 * <p>The search is helped by {@link AppendLookahead}: once no Put or Delete is left to linearize on
 * a key, its value can only grow, so every read still to come (a Get, or an Append that reports the
 * old value) must see an extension of the current value. Since test values are unique, this is
 * Elle's list-append inference: a read fixes the order of the appends before it, and wrong orders
 * are cut off at once instead of after the whole tree of interleavings below them was searched.
 */
public final class KvModel implements DeterministicModel<KvValue, KvInput, KvOutput> {
  /**
   * Each read's chain top (see {@link ReadChains}) for the history last partitioned; replaced
   * whole, never changed. A string it does not know (another history's) only makes a comparison
   * slower, never wrong.
   */
  private volatile Map<String, String> tops = Map.of();

  @Override
  public KvValue initialState() {
    return KvValue.EMPTY;
  }

  @Override
  public KvValue next(KvValue state, KvInput in, KvOutput out) {
    return switch (in.op()) {
      case GET -> state.contentEquals(out.value(), top(out.value())) ? state : null;
      case PUT -> KvValue.of(in.value());
      case APPEND ->
          out.value() == null || state.contentEquals(out.value(), top(out.value()))
              ? state.append(in.value())
              : null;
      case DELETE -> KvValue.EMPTY;
    };
  }

  /**
   * A Get changes nothing: {@link #next} returns the state it was given, or null. (An Append that
   * reports the old value does change the value.)
   */
  @Override
  public boolean readOnly(KvInput in, KvOutput out) {
    return in.op() == KvOp.GET;
  }

  private String top(String read) {
    String t = tops.get(read);
    return t != null ? t : read;
  }

  /**
   * The same sequential specification on plain strings, for reference implementations (a
   * brute-force checker, say): the value after the operation, or null if illegal.
   */
  public String next(String state, KvInput in, KvOutput out) {
    return apply(state, in, out);
  }

  static String apply(String state, KvInput in, KvOutput out) {
    return switch (in.op()) {
      case GET -> state.equals(out.value()) ? state : null;
      case PUT -> in.value();
      case APPEND ->
          out.value() == null || state.equals(out.value()) ? state.concat(in.value()) : null;
      case DELETE -> "";
    };
  }

  @Override
  public Lookahead<KvValue> lookahead(List<Operation<KvInput, KvOutput>> partition) {
    return new AppendLookahead(partition, tops);
  }

  @Override
  public List<List<Operation<KvInput, KvOutput>>> partition(
      List<Operation<KvInput, KvOutput>> history) {
    Map<String, List<Operation<KvInput, KvOutput>>> byKey = new TreeMap<>();
    for (Operation<KvInput, KvOutput> op : history) {
      byKey.computeIfAbsent(op.input().key(), k -> new ArrayList<>()).add(op);
    }
    List<List<Operation<KvInput, KvOutput>>> parts = List.copyOf(byKey.values());
    tops = ReadChains.tops(parts);
    return parts;
  }

  /** A part is one key; all its operations share it. */
  @Override
  public Optional<String> describePartition(List<Operation<KvInput, KvOutput>> operations) {
    return operations.isEmpty()
        ? Optional.empty()
        : Optional.of("key " + quote(operations.get(0).input().key()));
  }

  @Override
  public String describeOperation(KvInput in, KvOutput out) {
    return describe(in, out);
  }

  static String describe(KvInput in, KvOutput out) {
    return switch (in.op()) {
      case GET -> "get(" + quote(in.key()) + ") -> " + quote(out.value());
      case PUT -> "put(" + quote(in.key()) + ", " + quote(in.value()) + ")";
      case APPEND ->
          "append("
              + quote(in.key())
              + ", "
              + quote(in.value())
              + ")"
              + (out != null && out.value() != null ? " -> " + quote(out.value()) : "");
      case DELETE -> "delete(" + quote(in.key()) + ")";
    };
  }

  @Override
  public String describeState(KvValue state) {
    return quote(state.toString());
  }

  static String quote(String s) {
    return s == null ? "nil" : '"' + s + '"';
  }

  /**
   * The same service as one object whose state is the whole store: no partitioning, so the search
   * is over all keys at once. Only useful to measure what partitioning saves.
   */
  public static Model<?, KvInput, KvOutput> unpartitioned() {
    return new Unpartitioned();
  }

  private static final class Unpartitioned
      implements DeterministicModel<KvMapState, KvInput, KvOutput> {
    @Override
    public KvMapState initialState() {
      return KvMapState.EMPTY;
    }

    @Override
    public KvMapState next(KvMapState state, KvInput in, KvOutput out) {
      String before = state.get(in.key());
      String after = apply(before, in, out);
      if (after == null) {
        return null;
      }
      return after.equals(before) ? state : state.with(in.key(), after);
    }

    @Override
    public String describeOperation(KvInput in, KvOutput out) {
      return describe(in, out);
    }

    @Override
    public String describeState(KvMapState state) {
      return state.toString();
    }
  }
}
