package simlab.sim;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableMultimap;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes sure a message crossing the network shares no mutable state with its sender, and measures
 * its size, in one walk over the value (labgob's job in 6.5840).
 *
 * <p>Accepted: null, primitives' boxes, String, enums, records of accepted values, Guava immutable
 * collections of accepted values, and arrays. Arrays are the only mutable thing allowed; they are
 * copied, and a record holding one is rebuilt around the copy. Anything else (ArrayList, HashMap, a
 * plain class) is rejected with the path to the offending field, because the receiver could
 * otherwise see the sender's later writes.
 *
 * <p>Sizes are a deterministic gob-like estimate: fixed widths for primitives, length prefixes for
 * strings, arrays and collections, two bytes of framing per record.
 */
public final class MessageCodec {

  /** A message as delivered: an unaliased value and its encoded size in bytes. */
  public record Sealed(Object value, int bytes) {}

  private final Map<Class<?>, RecordShape> shapes = new HashMap<>();

  public Sealed seal(Object message) {
    int[] size = new int[1];
    try {
      // No path on the way: building "Msg.entries[3].command" for every field of every message
      // cost more than the copy itself.
      return new Sealed(walk(message, size, null), size[0]);
    } catch (IllegalArgumentException e) {
      // Walk again naming every field, so the error points at the offending one.
      walk(message, new int[1], message == null ? "message" : message.getClass().getSimpleName());
      throw e;
    }
  }

  /** The path of a field below {@code path}, or null while paths are not tracked. */
  private static String child(String path, String field) {
    return path == null ? null : path + "." + field;
  }

  private static String element(String path, Object key) {
    return path == null ? null : path + "[" + key + "]";
  }

  public int sizeOf(Object message) {
    return seal(message).bytes();
  }

  private Object walk(Object v, int[] size, String path) {
    if (v == null) {
      size[0] += 1;
      return null;
    }
    if (v instanceof String s) {
      size[0] += 4 + utf8Length(s);
      return s;
    }
    if (v instanceof Integer || v instanceof Float) {
      size[0] += 4;
      return v;
    }
    if (v instanceof Long || v instanceof Double) {
      size[0] += 8;
      return v;
    }
    if (v instanceof Boolean || v instanceof Byte) {
      size[0] += 1;
      return v;
    }
    if (v instanceof Short || v instanceof Character) {
      size[0] += 2;
      return v;
    }
    if (v instanceof Enum<?>) {
      size[0] += 4;
      return v;
    }
    if (v instanceof byte[] b) {
      size[0] += 4 + b.length;
      return b.clone();
    }
    if (v instanceof Record r) {
      return walkRecord(r, size, path);
    }
    if (v instanceof ImmutableList<?> list) {
      return walkList(list, size, path);
    }
    if (v instanceof ImmutableMap<?, ?> map) {
      return walkMap(map, size, path);
    }
    if (v instanceof ImmutableCollection<?> || v instanceof ImmutableMultimap<?, ?>) {
      return walkOtherImmutable(v, size, path);
    }
    if (v.getClass().isArray()) {
      return walkArray(v, size, path);
    }
    throw new IllegalArgumentException(
        "message field "
            + path
            + " holds a "
            + v.getClass().getName()
            + ", which is not an immutable value; use a record, String, enum, boxed primitive, "
            + "byte[] or a Guava Immutable* collection (the network never shares mutable state between nodes)");
  }

  private Object walkRecord(Record r, int[] size, String path) {
    RecordShape shape = shapes.computeIfAbsent(r.getClass(), RecordShape::of);
    size[0] += 2;
    Object[] values = null;
    Method[] accessors = shape.accessors;
    for (int i = 0; i < accessors.length; i++) {
      Object field = shape.get(r, i);
      Object copied = walk(field, size, child(path, shape.names[i]));
      if (copied != field) {
        if (values == null) {
          values = new Object[accessors.length];
          for (int j = 0; j < i; j++) {
            values[j] = shape.get(r, j);
          }
        }
      }
      if (values != null) {
        values[i] = copied;
      }
    }
    return values == null ? r : shape.construct(values);
  }

  private Object walkList(ImmutableList<?> list, int[] size, String path) {
    size[0] += 4;
    ImmutableList.Builder<Object> rebuilt = null;
    for (int i = 0; i < list.size(); i++) {
      Object e = list.get(i);
      Object c = walk(e, size, element(path, i));
      if (c != e && rebuilt == null) {
        rebuilt = ImmutableList.builderWithExpectedSize(list.size());
        for (int j = 0; j < i; j++) {
          rebuilt.add(list.get(j));
        }
      }
      if (rebuilt != null) {
        rebuilt.add(c);
      }
    }
    return rebuilt == null ? list : rebuilt.build();
  }

  private Object walkMap(ImmutableMap<?, ?> map, int[] size, String path) {
    size[0] += 4;
    boolean changed = false;
    ImmutableMap.Builder<Object, Object> rebuilt = ImmutableMap.builderWithExpectedSize(map.size());
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object k = walk(e.getKey(), size, child(path, "key"));
      Object v = walk(e.getValue(), size, element(path, e.getKey()));
      changed |= k != e.getKey() || v != e.getValue();
      rebuilt.put(k, v);
    }
    return changed ? rebuilt.buildOrThrow() : map;
  }

  private Object walkOtherImmutable(Object c, int[] size, String path) {
    size[0] += 4;
    Iterable<?> items = c instanceof ImmutableMultimap<?, ?> m ? m.entries() : (Iterable<?>) c;
    for (Object e : items) {
      if (e instanceof Map.Entry<?, ?> entry) {
        checkNoCopyNeeded(walk(entry.getKey(), size, path), entry.getKey(), path);
        checkNoCopyNeeded(walk(entry.getValue(), size, path), entry.getValue(), path);
      } else {
        checkNoCopyNeeded(walk(e, size, path), e, path);
      }
    }
    return c;
  }

  private static void checkNoCopyNeeded(Object copy, Object original, String path) {
    if (copy != original) {
      throw new IllegalArgumentException(
          "message field "
              + path
              + " holds an array inside an immutable set or multimap; use an ImmutableList or a record instead");
    }
  }

  private Object walkArray(Object array, int[] size, String path) {
    Class<?> component = array.getClass().getComponentType();
    int n = java.lang.reflect.Array.getLength(array);
    size[0] += 4;
    if (component.isPrimitive()) {
      size[0] += n * primitiveWidth(component);
      Object copy = java.lang.reflect.Array.newInstance(component, n);
      System.arraycopy(array, 0, copy, 0, n);
      return copy;
    }
    Object[] src = (Object[]) array;
    Object[] copy = (Object[]) java.lang.reflect.Array.newInstance(component, n);
    for (int i = 0; i < n; i++) {
      copy[i] = walk(src[i], size, element(path, i));
    }
    return copy;
  }

  private static int primitiveWidth(Class<?> c) {
    if (c == long.class || c == double.class) {
      return 8;
    }
    if (c == int.class || c == float.class) {
      return 4;
    }
    if (c == short.class || c == char.class) {
      return 2;
    }
    return 1;
  }

  private static int utf8Length(String s) {
    int n = s.length();
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return s.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return n;
  }

  /** Cached reflective view of one record class. */
  private static final class RecordShape {
    /** Shared empty argument array: invoke(r) would allocate one per call. */
    private static final Object[] NO_ARGS = {};

    final Method[] accessors;
    final String[] names;
    final Constructor<?> constructor;

    private RecordShape(Method[] accessors, String[] names, Constructor<?> constructor) {
      this.accessors = accessors;
      this.names = names;
      this.constructor = constructor;
    }

    static RecordShape of(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Method[] accessors = new Method[components.length];
      String[] names = new String[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        accessors[i] = components[i].getAccessor();
        accessors[i].setAccessible(true);
        names[i] = components[i].getName();
        types[i] = components[i].getType();
      }
      try {
        Constructor<?> ctor = type.getDeclaredConstructor(types);
        ctor.setAccessible(true);
        return new RecordShape(accessors, names, ctor);
      } catch (NoSuchMethodException | RuntimeException e) {
        throw new IllegalArgumentException(
            "message type " + type.getName() + " cannot be inspected: " + e, e);
      }
    }

    Object get(Record r, int i) {
      try {
        return accessors[i].invoke(r, NO_ARGS);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalArgumentException(
            "cannot read " + r.getClass().getName() + "." + names[i], e);
      }
    }

    Object construct(Object[] values) {
      try {
        return constructor.newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException(
            "cannot copy " + constructor.getDeclaringClass().getName(), e);
      }
    }
  }
}
