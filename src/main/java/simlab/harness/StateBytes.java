package simlab.harness;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The bytes an object keeps reachable, estimated by walking its object graph: a deterministic
 * stand-in for 6.5840's heap measurements (Go's {@code runtime.ReadMemStats}, 2026's per-process
 * {@code MemSize}), which a simulation cannot use because one JVM heap holds every node, the test
 * and the garbage the collector has not yet freed. The same graph always gives the same number, on
 * any machine, so a memory verdict depends on the seed alone.
 *
 * <p>The cost model is a 64-bit JVM's with compressed class pointers, rounded: 16 bytes per object
 * header, 8 per reference, the primitive's size per primitive field, a String 40 + its length, an
 * array 16 + its elements. JDK collections cannot be opened by reflection (module encapsulation),
 * so a {@link Map} counts 48 + 32 per entry and a {@link Collection} 40 + 8 per element, plus what
 * their keys, values and elements hold. Any other JDK object counts 16 and is not opened; objects
 * of the simulator ({@code simlab.sim}: a node's context, the network) and classes are not counted,
 * as they are the tester's, not the server's. Each object counts once however often it is
 * reachable, except Strings, which count at each reference (see {@link #of}).
 */
public final class StateBytes {
  static final long HEADER = 16;
  static final long REFERENCE = 8;
  static final long STRING = 40;
  static final long MAP = 48;
  static final long MAP_ENTRY = 32;
  static final long COLLECTION = 40;

  private StateBytes() {}

  /** The estimated bytes reachable from {@code root} (0 for null). */
  public static long of(Object root) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object> todo = new ArrayDeque<>();
    long total = 0;
    if (root != null) {
      todo.push(root);
    }
    while (!todo.isEmpty()) {
      Object o = todo.pop();
      if (o instanceof String str) {
        // Counted at every reference: in Go each value a server receives is its own decoded
        // copy, while here the sender's String object arrives itself, so a server that keeps
        // every Put's value would otherwise hold one shared object and look free.
        total += STRING + str.length();
        continue;
      }
      if (!seen.add(o) || skipped(o)) {
        continue;
      }
      total += shallow(o, todo);
    }
    return total;
  }

  private static boolean skipped(Object o) {
    Class<?> c = o.getClass();
    return o instanceof Class<?>
        || c.isEnum()
        || (c.getEnclosingClass() != null && c.getEnclosingClass().isEnum())
        || c.getName().startsWith("simlab.sim.");
  }

  /** The object's own bytes; pushes what it references. */
  private static long shallow(Object o, Deque<Object> todo) {
    Class<?> c = o.getClass();
    if (o instanceof String s) {
      return STRING + s.length();
    }
    if (c.isArray()) {
      int n = Array.getLength(o);
      Class<?> e = c.getComponentType();
      if (e.isPrimitive()) {
        return HEADER + (long) n * primitiveSize(e);
      }
      for (int i = 0; i < n; i++) {
        pushIfPresent(todo, Array.get(o, i));
      }
      return HEADER + (long) n * REFERENCE;
    }
    if (isJdk(c)) {
      if (o instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> en : m.entrySet()) {
          pushIfPresent(todo, en.getKey());
          pushIfPresent(todo, en.getValue());
        }
        return MAP + MAP_ENTRY * m.size();
      }
      if (o instanceof Collection<?> col) {
        for (Object x : col) {
          pushIfPresent(todo, x);
        }
        return COLLECTION + REFERENCE * col.size();
      }
      if (o instanceof CharSequence cs) {
        return STRING + cs.length();
      }
      return HEADER;
    }
    long bytes = HEADER;
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        Class<?> t = f.getType();
        if (t.isPrimitive()) {
          bytes += primitiveSize(t);
          continue;
        }
        bytes += REFERENCE;
        pushIfPresent(todo, read(f, o));
      }
    }
    return bytes;
  }

  private static boolean isJdk(Class<?> c) {
    String n = c.getName();
    return n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jdk.");
  }

  private static Object read(Field f, Object o) {
    try {
      f.setAccessible(true);
      return f.get(o);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // A field of a class the walker may not open: its target is not counted.
      return null;
    }
  }

  private static void pushIfPresent(Deque<Object> todo, Object o) {
    if (o != null) {
      todo.push(o);
    }
  }

  private static long primitiveSize(Class<?> t) {
    if (t == long.class || t == double.class) {
      return 8;
    }
    if (t == int.class || t == float.class) {
      return 4;
    }
    if (t == short.class || t == char.class) {
      return 2;
    }
    return 1;
  }
}
