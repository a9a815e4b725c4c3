package simlab.sim;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compact, deterministic encoding of immutable values to bytes, for what a node persists (Raft
 * state, service snapshots): labgob's role. Handles null, boxed primitives, String, enums, records,
 * byte/int/long arrays, and Lists, Sets and Maps (encoded in iteration order; decoded as Guava
 * immutable collections, which keep that order).
 *
 * <p>Integers are zig-zag varints and a class name is written once per encoding, so a log of small
 * commands stays small (6.5840 bounds persisted Raft state to 2000 bytes in 3D). An instance caches
 * reflection data; it is not thread-safe, like everything in a node.
 */
public final class ValueCodec {
  private static final int NULL = 0;
  private static final int INT = 1;
  private static final int LONG = 2;
  private static final int STRING = 3;
  private static final int TRUE = 4;
  private static final int FALSE = 5;
  private static final int BYTES = 6;
  private static final int DOUBLE = 7;
  private static final int ENUM = 8;
  private static final int RECORD = 9;
  private static final int LIST = 10;
  private static final int MAP = 11;
  private static final int SET = 12;
  private static final int INTS = 13;
  private static final int LONGS = 14;
  private static final int SHORT = 15;
  private static final int BYTE = 16;
  private static final int CHAR = 17;
  private static final int FLOAT = 18;

  private final Map<Class<?>, Shape> shapes = new HashMap<>();
  private final Map<String, Class<?>> classesByName = new HashMap<>();

  /** Encodes with a throwaway codec; prefer an instance when encoding often. */
  public static byte[] encode(Object value) {
    return new ValueCodec().toBytes(value);
  }

  public static Object decode(byte[] bytes) {
    return new ValueCodec().fromBytes(bytes);
  }

  public static <T> T decode(byte[] bytes, Class<T> type) {
    return type.cast(decode(bytes));
  }

  public byte[] toBytes(Object value) {
    Writer w = new Writer();
    w.value(value);
    return w.out.toByteArray();
  }

  public Object fromBytes(byte[] bytes) {
    Reader r = new Reader(bytes);
    Object v = r.value();
    if (r.pos != bytes.length) {
      throw new IllegalArgumentException("trailing bytes after value: " + (bytes.length - r.pos));
    }
    return v;
  }

  private Shape shape(Class<?> type) {
    return shapes.computeIfAbsent(type, Shape::of);
  }

  private Class<?> classNamed(String name) {
    return classesByName.computeIfAbsent(
        name,
        n -> {
          try {
            return Class.forName(
                n,
                false,
                Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader()
                    : ValueCodec.class.getClassLoader());
          } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(
                "encoded value names class " + n + ", which is not on the classpath");
          }
        });
  }

  private final class Writer {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    final Map<Class<?>, Integer> classIds = new HashMap<>();

    void value(Object v) {
      if (v == null) {
        out.write(NULL);
      } else if (v instanceof Integer i) {
        out.write(INT);
        varint(zigzag(i));
      } else if (v instanceof Long l) {
        out.write(LONG);
        varint(zigzag(l));
      } else if (v instanceof String s) {
        out.write(STRING);
        bytes(s.getBytes(StandardCharsets.UTF_8));
      } else if (v instanceof Boolean b) {
        out.write(b ? TRUE : FALSE);
      } else if (v instanceof byte[] b) {
        out.write(BYTES);
        bytes(b);
      } else if (v instanceof Double d) {
        out.write(DOUBLE);
        fixed64(Double.doubleToLongBits(d));
      } else if (v instanceof Float f) {
        out.write(FLOAT);
        varint(Float.floatToIntBits(f) & 0xffffffffL);
      } else if (v instanceof Short s) {
        out.write(SHORT);
        varint(zigzag(s));
      } else if (v instanceof Byte b) {
        out.write(BYTE);
        out.write(b);
      } else if (v instanceof Character c) {
        out.write(CHAR);
        varint(c);
      } else if (v instanceof Enum<?> e) {
        out.write(ENUM);
        classRef(e.getDeclaringClass());
        varint(e.ordinal());
      } else if (v instanceof Record r) {
        out.write(RECORD);
        classRef(r.getClass());
        Shape s = shape(r.getClass());
        for (int i = 0; i < s.accessors.length; i++) {
          value(s.get(r, i));
        }
      } else if (v instanceof List<?> list) {
        out.write(LIST);
        varint(list.size());
        for (Object o : list) {
          value(o);
        }
      } else if (v instanceof Set<?> set) {
        out.write(SET);
        varint(set.size());
        for (Object o : set) {
          value(o);
        }
      } else if (v instanceof Map<?, ?> map) {
        out.write(MAP);
        varint(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
          value(e.getKey());
          value(e.getValue());
        }
      } else if (v instanceof int[] a) {
        out.write(INTS);
        varint(a.length);
        for (int x : a) {
          varint(zigzag(x));
        }
      } else if (v instanceof long[] a) {
        out.write(LONGS);
        varint(a.length);
        for (long x : a) {
          varint(zigzag(x));
        }
      } else {
        throw new IllegalArgumentException(
            "cannot encode a "
                + v.getClass().getName()
                + "; use records, String, boxed primitives, enums, byte/int/long arrays, Lists, Sets or Maps");
      }
    }

    void classRef(Class<?> c) {
      Integer id = classIds.get(c);
      if (id != null) {
        varint(id + 1L);
        return;
      }
      classIds.put(c, classIds.size());
      varint(0);
      bytes(c.getName().getBytes(StandardCharsets.UTF_8));
    }

    void bytes(byte[] b) {
      varint(b.length);
      out.write(b, 0, b.length);
    }

    void varint(long v) {
      while ((v & ~0x7FL) != 0) {
        out.write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      out.write((int) v);
    }

    void fixed64(long v) {
      for (int i = 0; i < 8; i++) {
        out.write((int) (v >>> (8 * i)));
      }
    }
  }

  private final class Reader {
    final byte[] in;
    int pos;
    final List<Class<?>> classes = new ArrayList<>();

    Reader(byte[] in) {
      this.in = in;
    }

    Object value() {
      int tag = u8();
      switch (tag) {
        case NULL:
          return null;
        case INT:
          return (int) unzigzag(varint());
        case LONG:
          return unzigzag(varint());
        case STRING:
          return new String(bytes(), StandardCharsets.UTF_8);
        case TRUE:
          return Boolean.TRUE;
        case FALSE:
          return Boolean.FALSE;
        case BYTES:
          return bytes();
        case DOUBLE:
          return Double.longBitsToDouble(fixed64());
        case FLOAT:
          return Float.intBitsToFloat((int) varint());
        case SHORT:
          return (short) unzigzag(varint());
        case BYTE:
          return (byte) u8();
        case CHAR:
          return (char) varint();
        case ENUM:
          {
            Class<?> c = classRef();
            Object[] constants = c.getEnumConstants();
            int ord = (int) varint();
            if (constants == null || ord >= constants.length) {
              throw new IllegalArgumentException("bad enum constant " + ord + " of " + c.getName());
            }
            return constants[ord];
          }
        case RECORD:
          {
            Class<?> c = classRef();
            Shape s = shape(c);
            Object[] args = new Object[s.accessors.length];
            for (int i = 0; i < args.length; i++) {
              args[i] = value();
            }
            return s.construct(args);
          }
        case LIST:
          {
            int n = length();
            ImmutableList.Builder<Object> b = ImmutableList.builderWithExpectedSize(n);
            for (int i = 0; i < n; i++) {
              b.add(nonNull(value(), "list element"));
            }
            return b.build();
          }
        case SET:
          {
            int n = length();
            ImmutableSet.Builder<Object> b = ImmutableSet.builderWithExpectedSize(n);
            for (int i = 0; i < n; i++) {
              b.add(nonNull(value(), "set element"));
            }
            return b.build();
          }
        case MAP:
          {
            int n = length();
            ImmutableMap.Builder<Object, Object> b = ImmutableMap.builderWithExpectedSize(n);
            for (int i = 0; i < n; i++) {
              b.put(nonNull(value(), "map key"), nonNull(value(), "map value"));
            }
            return b.buildOrThrow();
          }
        case INTS:
          {
            int[] a = new int[length()];
            for (int i = 0; i < a.length; i++) {
              a[i] = (int) unzigzag(varint());
            }
            return a;
          }
        case LONGS:
          {
            long[] a = new long[length()];
            for (int i = 0; i < a.length; i++) {
              a[i] = unzigzag(varint());
            }
            return a;
          }
        default:
          throw new IllegalArgumentException(
              "corrupt encoding: unknown tag " + tag + " at byte " + (pos - 1));
      }
    }

    Object nonNull(Object o, String what) {
      if (o == null) {
        throw new IllegalArgumentException(
            "null " + what + " cannot be decoded into an immutable collection");
      }
      return o;
    }

    Class<?> classRef() {
      long id = varint();
      if (id == 0) {
        Class<?> c = classNamed(new String(bytes(), StandardCharsets.UTF_8));
        classes.add(c);
        return c;
      }
      if (id > classes.size()) {
        throw new IllegalArgumentException(
            "corrupt encoding: class reference " + id + " before its definition");
      }
      return classes.get((int) id - 1);
    }

    int length() {
      long n = varint();
      if (n > in.length - pos + 16L * 1024 * 1024 || n < 0) {
        throw new IllegalArgumentException("corrupt encoding: length " + n + " at byte " + pos);
      }
      return (int) n;
    }

    byte[] bytes() {
      int n = length();
      if (pos + n > in.length) {
        throw new IllegalArgumentException(
            "corrupt encoding: " + n + " bytes announced, " + (in.length - pos) + " left");
      }
      byte[] b = new byte[n];
      System.arraycopy(in, pos, b, 0, n);
      pos += n;
      return b;
    }

    int u8() {
      if (pos >= in.length) {
        throw new IllegalArgumentException("corrupt encoding: unexpected end at byte " + pos);
      }
      return in[pos++] & 0xFF;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = u8();
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
      throw new IllegalArgumentException("corrupt encoding: varint too long at byte " + pos);
    }

    long fixed64() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v |= (long) u8() << (8 * i);
      }
      return v;
    }
  }

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  /** Reflection data of one record class. */
  private static final class Shape {
    final Method[] accessors;
    final Constructor<?> constructor;

    private Shape(Method[] accessors, Constructor<?> constructor) {
      this.accessors = accessors;
      this.constructor = constructor;
    }

    static Shape of(Class<?> type) {
      if (!type.isRecord()) {
        throw new IllegalArgumentException(type.getName() + " is not a record");
      }
      RecordComponent[] rc = type.getRecordComponents();
      Method[] acc = new Method[rc.length];
      Class<?>[] types = new Class<?>[rc.length];
      for (int i = 0; i < rc.length; i++) {
        acc[i] = rc[i].getAccessor();
        acc[i].setAccessible(true);
        types[i] = rc[i].getType();
      }
      try {
        Constructor<?> c = type.getDeclaredConstructor(types);
        c.setAccessible(true);
        return new Shape(acc, c);
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException(
            "record " + type.getName() + " has no canonical constructor", e);
      }
    }

    Object get(Record r, int i) {
      try {
        return accessors[i].invoke(r);
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException(
            "cannot read component " + i + " of " + r.getClass().getName(), e);
      }
    }

    Object construct(Object[] args) {
      try {
        return constructor.newInstance(args);
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "cannot rebuild "
                + constructor.getDeclaringClass().getName()
                + " from its encoding: "
                + e,
            e);
      }
    }
  }
}
