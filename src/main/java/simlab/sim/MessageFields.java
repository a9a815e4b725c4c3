package simlab.sim;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import simlab.json.JsonLines;

/**
 * Renders a message (a value {@link MessageCodec} accepted) as a short JSON text for the trace
 * export and the run report: records become objects of their fields, collections and arrays show
 * their first {@value #MAX_ITEMS} elements and their size, long strings are cut. The text is for
 * people; it never enters the trace hash.
 */
public final class MessageFields {
  static final int MAX_ITEMS = 6;
  static final int MAX_STRING = 48;
  static final int MAX_DEPTH = 5;

  /** Longest rendered text; the rest is cut (a 3D snapshot's log can be large). */
  static final int MAX_TEXT = 600;

  /**
   * Each record class's accessors, looked up once (a report renders hundreds of thousands of
   * messages). A cache of reflection results only: it holds no run's state and changes no run.
   */
  private static final ClassValue<Method[]> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
          RecordComponent[] cs = type.getRecordComponents();
          Method[] ms = new Method[cs.length];
          for (int i = 0; i < cs.length; i++) {
            ms[i] = cs[i].getAccessor();
            try {
              ms[i].setAccessible(true);
            } catch (RuntimeException e) {
              // left inaccessible: component() shows the failure in place of the value
            }
          }
          return ms;
        }
      };

  private MessageFields() {}

  public static String json(Object message) {
    StringBuilder sb = new StringBuilder(64);
    write(sb, message, 0);
    if (sb.length() > MAX_TEXT) {
      String cut = sb.substring(0, MAX_TEXT);
      sb.setLength(0);
      // no longer valid JSON once cut: ship it as one string
      sb.append(JsonLines.string(cut + "…"));
    }
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v, int depth) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof String s) {
      sb.append(
          JsonLines.string(
              s.length() > MAX_STRING ? s.substring(0, MAX_STRING) + "…(" + s.length() + ")" : s));
    } else if (v instanceof Enum<?> e) {
      sb.append(JsonLines.string(e.name()));
    } else if (v instanceof byte[] b) {
      sb.append(JsonLines.string("bytes[" + b.length + "]"));
    } else if (v.getClass().isArray()) {
      sb.append(
          JsonLines.string(
              v.getClass().getComponentType().getSimpleName()
                  + "["
                  + java.lang.reflect.Array.getLength(v)
                  + "]"));
    } else if (depth >= MAX_DEPTH) {
      sb.append(JsonLines.string("…"));
    } else if (v.getClass().isRecord()) {
      sb.append('{');
      boolean first = true;
      for (Method m : ACCESSORS.get(v.getClass())) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        sb.append(JsonLines.string(m.getName()));
        sb.append(':');
        write(sb, component(v, m), depth + 1);
      }
      sb.append('}');
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (i > 0) {
          sb.append(',');
        }
        if (i++ == MAX_ITEMS) {
          sb.append(JsonLines.string("…"));
          sb.append(':').append(m.size());
          break;
        }
        sb.append(JsonLines.string(String.valueOf(e.getKey())));
        sb.append(':');
        write(sb, e.getValue(), depth + 1);
      }
      sb.append('}');
    } else if (v instanceof Collection<?> c) {
      sb.append('[');
      int i = 0;
      for (Object o : c) {
        if (i > 0) {
          sb.append(',');
        }
        if (i++ == MAX_ITEMS) {
          sb.append(JsonLines.string("… " + c.size() + " in all"));
          break;
        }
        write(sb, o, depth + 1);
      }
      sb.append(']');
    } else {
      sb.append(JsonLines.string(String.valueOf(v)));
    }
  }

  private static Object component(Object record, Method m) {
    try {
      return m.invoke(record);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return "?" + e.getClass().getSimpleName();
    }
  }
}
