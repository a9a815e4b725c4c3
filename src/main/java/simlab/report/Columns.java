package simlab.report;

import java.util.LinkedHashMap;
import java.util.Map;
import simlab.json.JsonLines;

/**
 * Builders for the report's columnar JSON: integer columns (optionally delta-encoded, for sorted
 * times) and a string table, so repeated texts (types, names, fields) are stored once.
 */
final class Columns {
  private Columns() {}

  /**
   * A column of longs written as a JSON array; {@code delta} stores differences to the previous
   * value.
   */
  static final class Ints {
    private final StringBuilder sb = new StringBuilder("[");
    private final boolean delta;
    private long prev;
    private int size;

    Ints(boolean delta) {
      this.delta = delta;
    }

    void add(long v) {
      if (size++ > 0) {
        sb.append(',');
      }
      sb.append(delta ? v - prev : v);
      prev = v;
    }

    int size() {
      return size;
    }

    String json() {
      return sb + "]";
    }
  }

  /** Interns strings into a table; -1 stands for null. */
  static final class Strings {
    private final Map<String, Integer> index = new LinkedHashMap<>();

    int of(String s) {
      if (s == null) {
        return -1;
      }
      Integer i = index.get(s);
      if (i == null) {
        i = index.size();
        index.put(s, i);
      }
      return i;
    }

    String json() {
      StringBuilder sb = new StringBuilder("[");
      boolean first = true;
      for (String s : index.keySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        sb.append(JsonLines.string(s));
      }
      return sb.append(']').toString();
    }
  }
}
