package simlab.linearizability.model;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole store as one immutable value, for the unpartitioned KV model: keys sorted, empty values
 * left out (a missing key reads as ""), hash computed once. The search hashes and compares states
 * far more often than it creates them.
 */
final class KvMapState {
  static final KvMapState EMPTY = new KvMapState(new String[0], new String[0]);

  private final String[] keys;
  private final String[] values;
  private final int hash;

  private KvMapState(String[] keys, String[] values) {
    this.keys = keys;
    this.values = values;
    this.hash = 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
  }

  String get(String key) {
    int i = Arrays.binarySearch(keys, key);
    return i >= 0 ? values[i] : "";
  }

  /** This store with key set to value; "" removes the key. */
  KvMapState with(String key, String value) {
    int i = Arrays.binarySearch(keys, key);
    if (i >= 0 && value.isEmpty()) {
      String[] k = new String[keys.length - 1];
      String[] v = new String[keys.length - 1];
      System.arraycopy(keys, 0, k, 0, i);
      System.arraycopy(values, 0, v, 0, i);
      System.arraycopy(keys, i + 1, k, i, keys.length - i - 1);
      System.arraycopy(values, i + 1, v, i, keys.length - i - 1);
      return new KvMapState(k, v);
    }
    if (i >= 0) {
      String[] v = values.clone();
      v[i] = value;
      return new KvMapState(keys, v);
    }
    if (value.isEmpty()) {
      return this;
    }
    int at = -i - 1;
    String[] k = new String[keys.length + 1];
    String[] v = new String[keys.length + 1];
    System.arraycopy(keys, 0, k, 0, at);
    System.arraycopy(values, 0, v, 0, at);
    k[at] = key;
    v[at] = value;
    System.arraycopy(keys, at, k, at + 1, keys.length - at);
    System.arraycopy(values, at, v, at + 1, keys.length - at);
    return new KvMapState(k, v);
  }

  Map<String, String> asMap() {
    Map<String, String> m = new TreeMap<>();
    for (int i = 0; i < keys.length; i++) {
      m.put(keys[i], values[i]);
    }
    return m;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KvMapState s
        && s.hash == hash
        && Arrays.equals(s.keys, keys)
        && Arrays.equals(s.values, values);
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
