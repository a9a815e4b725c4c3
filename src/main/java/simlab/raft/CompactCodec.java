package simlab.raft;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compact, deterministic encoding for Raft's persistent state: varints for ints, and a
 * one-byte tag per value for commands (null, Boolean, Integer, Long, String, byte[],
 * enums, records and java.util List/Map/Set, which decode as Guava immutable ones).
 * The 3D log-size limit (2000 bytes) is why this is not Java serialization.
 *
 * <p>Stand-in until simlab.sim.ValueCodec lands on main; it encodes the same value domain.
 */
final class CompactCodec {
  private static final int NULL = 0;
  private static final int TRUE = 1;
  private static final int FALSE = 2;
  private static final int INT = 3;
  private static final int LONG = 4;
  private static final int STRING = 5;
  private static final int BYTES = 6;
  private static final int ENUM = 7;
  private static final int RECORD = 8;
  private static final int LIST = 9;
  private static final int MAP = 10;
  private static final int SET = 11;
  private static final int DOUBLE = 12;

  private CompactCodec() {
  }

  /** Appends values to a growing byte array. */
  static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void varint(long v) {
      while ((v & ~0x7FL) != 0) {
        out.write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      out.write((int) v);
    }

    void signed(long v) {
      varint((v << 1) ^ (v >> 63));
    }

    void bytes(byte[] b) {
      varint(b.length);
      out.write(b, 0, b.length);
    }

    void string(String s) {
      bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    void value(Object v) {
      if (v == null) {
        out.write(NULL);
      } else if (v instanceof Boolean b) {
        out.write(b ? TRUE : FALSE);
      } else if (v instanceof Integer i) {
        out.write(INT);
        signed(i);
      } else if (v instanceof Long l) {
        out.write(LONG);
        signed(l);
      } else if (v instanceof Double d) {
        out.write(DOUBLE);
        varint(Double.doubleToRawLongBits(d));
      } else if (v instanceof String s) {
        out.write(STRING);
        string(s);
      } else if (v instanceof byte[] b) {
        out.write(BYTES);
        bytes(b);
      } else if (v instanceof Enum<?> e) {
        out.write(ENUM);
        string(e.getDeclaringClass().getName());
        varint(e.ordinal());
      } else if (v instanceof Record r) {
        record(r);
      } else if (v instanceof List<?> list) {
        out.write(LIST);
        varint(list.size());
        list.forEach(this::value);
      } else if (v instanceof Set<?> set) {
        out.write(SET);
        varint(set.size());
        set.forEach(this::value);
      } else if (v instanceof Map<?, ?> map) {
        out.write(MAP);
        varint(map.size());
        map.forEach((k, x) -> {
          value(k);
          value(x);
        });
      } else {
        throw new IllegalArgumentException("cannot persist a " + v.getClass().getName()
            + ": commands must be null, Boolean, Integer, Long, Double, String, byte[], enums, records or collections");
      }
    }

    private void record(Record r) {
      out.write(RECORD);
      string(r.getClass().getName());
      RecordComponent[] cs = r.getClass().getRecordComponents();
      varint(cs.length);
      for (RecordComponent c : cs) {
        try {
          c.getAccessor().setAccessible(true);
          value(c.getAccessor().invoke(r));
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalArgumentException("cannot read " + c + " of " + r.getClass().getName(), e);
        }
      }
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }
  }

  /** Reads what a {@link Writer} wrote, in the same order. */
  static final class Reader {
    private final byte[] in;
    private int pos;

    Reader(byte[] in) {
      this.in = in;
    }

    boolean atEnd() {
      return pos >= in.length;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; ; shift += 7) {
        int b = in[pos++] & 0xFF;
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
    }

    long signed() {
      long z = varint();
      return (z >>> 1) ^ -(z & 1);
    }

    int signedInt() {
      return Math.toIntExact(signed());
    }

    byte[] bytes() {
      int n = Math.toIntExact(varint());
      byte[] b = new byte[n];
      System.arraycopy(in, pos, b, 0, n);
      pos += n;
      return b;
    }

    String string() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    Object value() {
      int tag = in[pos++];
      switch (tag) {
        case NULL:
          return null;
        case TRUE:
          return Boolean.TRUE;
        case FALSE:
          return Boolean.FALSE;
        case INT:
          return signedInt();
        case LONG:
          return signed();
        case DOUBLE:
          return Double.longBitsToDouble(varint());
        case STRING:
          return string();
        case BYTES:
          return bytes();
        case ENUM:
          return enumValue();
        case RECORD:
          return record();
        case LIST: {
          int n = Math.toIntExact(varint());
          ImmutableList.Builder<Object> b = ImmutableList.builderWithExpectedSize(n);
          for (int i = 0; i < n; i++) {
            b.add(value());
          }
          return b.build();
        }
        case SET: {
          int n = Math.toIntExact(varint());
          ImmutableSet.Builder<Object> b = ImmutableSet.builderWithExpectedSize(n);
          for (int i = 0; i < n; i++) {
            b.add(value());
          }
          return b.build();
        }
        case MAP: {
          int n = Math.toIntExact(varint());
          ImmutableMap.Builder<Object, Object> b = ImmutableMap.builderWithExpectedSize(n);
          for (int i = 0; i < n; i++) {
            b.put(value(), value());
          }
          return b.buildOrThrow();
        }
        default:
          throw new IllegalArgumentException("corrupt encoding: unknown tag " + tag + " at byte " + (pos - 1));
      }
    }

    private Object enumValue() {
      Class<?> type = load(string());
      return type.getEnumConstants()[Math.toIntExact(varint())];
    }

    private Object record() {
      Class<?> type = load(string());
      int n = Math.toIntExact(varint());
      RecordComponent[] cs = type.getRecordComponents();
      if (cs == null || cs.length != n) {
        throw new IllegalArgumentException("corrupt encoding: " + type.getName() + " is not a record of " + n + " components");
      }
      Object[] args = new Object[n];
      Class<?>[] types = new Class<?>[n];
      for (int i = 0; i < n; i++) {
        args[i] = value();
        types[i] = cs[i].getType();
      }
      try {
        Constructor<?> ctor = type.getDeclaredConstructor(types);
        ctor.setAccessible(true);
        return ctor.newInstance(args);
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException("cannot rebuild record " + type.getName(), e);
      }
    }

    private static Class<?> load(String name) {
      try {
        return Class.forName(name, false, CompactCodec.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("corrupt encoding: unknown class " + name, e);
      }
    }
  }
}
