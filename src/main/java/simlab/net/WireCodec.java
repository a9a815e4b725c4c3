package simlab.net;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Ordering;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary encoding of messages on a real network: the same immutable values the simulator's
 * {@link simlab.sim.MessageCodec} accepts (null, boxed primitives, String, enums, byte[] and other
 * arrays, records, Guava Immutable* collections), and the same rejection, with the path of the
 * offending field, of anything mutable (an ArrayList, a HashMap, a plain class). A decoded value is
 * built fresh, so sender and receiver never share state.
 *
 * <p>Compact: integers are zig-zag varints, a record's primitive components are written without a
 * tag, and a class is named once per connection: its first use writes the marker 0 and the class
 * name (the reader numbers names in order of arrival), later uses only the class's number plus one.
 * {@link Writer} and {@link Reader} hold that per-connection dictionary, so each direction of each
 * connection has one of each, used in frame order (one event-loop thread per node guarantees it).
 *
 * <p>Decoding loads only records, enums and array component classes by name, and checks every
 * length against the bytes left, so a corrupt or hostile frame fails with an exception instead of
 * allocating without bound.
 */
public final class WireCodec {
  static final int NULL = 0;
  static final int INT = 1;
  static final int LONG = 2;
  static final int STRING = 3;
  static final int TRUE = 4;
  static final int FALSE = 5;
  static final int BYTES = 6;
  static final int DOUBLE = 7;
  static final int FLOAT = 8;
  static final int SHORT = 9;
  static final int BYTE = 10;
  static final int CHAR = 11;
  static final int ENUM = 12;
  static final int RECORD = 13;
  static final int LIST = 14;
  static final int MAP = 15;
  static final int SORTED_MAP = 16;
  static final int SET = 17;
  static final int SORTED_SET = 18;
  static final int LIST_MULTIMAP = 19;
  static final int SET_MULTIMAP = 20;
  static final int ARRAY = 21;

  private static final Map<String, Class<?>> PRIMITIVES =
      Map.of(
          "int",
          int.class,
          "long",
          long.class,
          "short",
          short.class,
          "byte",
          byte.class,
          "char",
          char.class,
          "boolean",
          boolean.class,
          "float",
          float.class,
          "double",
          double.class);

  private WireCodec() {}

  /** Encodes values for one direction of one connection; remembers which classes it named. */
  public static final class Writer {
    private final Map<Class<?>, Integer> classIds = new HashMap<>();
    private final Map<Class<?>, Shape> shapes;

    public Writer() {
      this(new HashMap<>());
    }

    Writer(Map<Class<?>, Shape> shapes) {
      this.shapes = shapes;
    }

    /**
     * Appends {@code value} to {@code out}; throws IllegalArgumentException naming the field of a
     * mutable value.
     */
    public void write(Object value, Bytes out) {
      value(value, out, value == null ? "message" : value.getClass().getSimpleName());
    }

    public byte[] toBytes(Object value) {
      Bytes out = new Bytes(64);
      write(value, out);
      return out.toByteArray();
    }

    private void value(Object v, Bytes out, String path) {
      if (v == null) {
        out.put(NULL);
      } else if (v instanceof String s) {
        out.put(STRING);
        out.bytes(s.getBytes(StandardCharsets.UTF_8));
      } else if (v instanceof Integer i) {
        out.put(INT);
        out.varint(zigzag(i));
      } else if (v instanceof Long l) {
        out.put(LONG);
        out.varint(zigzag(l));
      } else if (v instanceof Boolean b) {
        out.put(b ? TRUE : FALSE);
      } else if (v instanceof Double d) {
        out.put(DOUBLE);
        out.fixed64(Double.doubleToRawLongBits(d));
      } else if (v instanceof Float f) {
        out.put(FLOAT);
        out.varint(Float.floatToRawIntBits(f) & 0xffffffffL);
      } else if (v instanceof Short s) {
        out.put(SHORT);
        out.varint(zigzag(s));
      } else if (v instanceof Byte b) {
        out.put(BYTE);
        out.put(b);
      } else if (v instanceof Character c) {
        out.put(CHAR);
        out.varint(c);
      } else if (v instanceof Enum<?> e) {
        out.put(ENUM);
        classRef(e.getDeclaringClass(), out);
        out.varint(e.ordinal());
      } else if (v instanceof byte[] b) {
        out.put(BYTES);
        out.bytes(b);
      } else if (v instanceof Record r) {
        out.put(RECORD);
        classRef(r.getClass(), out);
        Shape s = shapes.computeIfAbsent(r.getClass(), Shape::of);
        for (int i = 0; i < s.accessors.length; i++) {
          component(s.types[i], s.get(r, i), out, path + "." + s.names[i]);
        }
      } else if (v instanceof ImmutableCollection<?>
          || v instanceof ImmutableMap<?, ?>
          || v instanceof ImmutableMultimap<?, ?>) {
        collection(v, out, path);
      } else if (v.getClass().isArray()) {
        array(v, out, path);
      } else {
        throw new IllegalArgumentException(
            "message field "
                + path
                + " holds a "
                + v.getClass().getName()
                + ", which is not an immutable value; use a record, String, enum, boxed primitive, "
                + "byte[] or a Guava Immutable* collection (the network never shares mutable state between nodes)");
      }
    }

    /**
     * A record component: primitives untagged (the reader knows the declared type), the rest
     * tagged.
     */
    private void component(Class<?> type, Object v, Bytes out, String path) {
      if (!type.isPrimitive()) {
        value(v, out, path);
      } else if (type == int.class) {
        out.varint(zigzag((Integer) v));
      } else if (type == long.class) {
        out.varint(zigzag((Long) v));
      } else if (type == boolean.class) {
        out.put((Boolean) v ? 1 : 0);
      } else if (type == double.class) {
        out.fixed64(Double.doubleToRawLongBits((Double) v));
      } else if (type == float.class) {
        out.varint(Float.floatToRawIntBits((Float) v) & 0xffffffffL);
      } else if (type == short.class) {
        out.varint(zigzag((Short) v));
      } else if (type == byte.class) {
        out.put((Byte) v);
      } else {
        out.varint((Character) v);
      }
    }

    private void collection(Object c, Bytes out, String path) {
      if (c instanceof ImmutableList<?> list) {
        out.put(LIST);
        elements(list, out, path);
      } else if (c instanceof ImmutableSortedMap<?, ?> map) {
        naturalOrder(map.comparator(), path);
        out.put(SORTED_MAP);
        entries(map, out, path);
      } else if (c instanceof ImmutableMap<?, ?> map) {
        out.put(MAP);
        entries(map, out, path);
      } else if (c instanceof ImmutableSortedSet<?> set) {
        naturalOrder(set.comparator(), path);
        out.put(SORTED_SET);
        elements(set, out, path);
      } else if (c instanceof ImmutableSet<?> set) {
        out.put(SET);
        elements(set, out, path);
      } else if (c instanceof ImmutableListMultimap<?, ?> m) {
        out.put(LIST_MULTIMAP);
        multimap(m, out, path);
      } else if (c instanceof ImmutableSetMultimap<?, ?> m) {
        out.put(SET_MULTIMAP);
        multimap(m, out, path);
      } else {
        throw new IllegalArgumentException(
            "message field "
                + path
                + " holds a "
                + c.getClass().getName()
                + ", which the wire codec does not carry; use an ImmutableList, ImmutableSet, ImmutableMap, "
                + "their Sorted forms or an ImmutableListMultimap/ImmutableSetMultimap");
      }
    }

    private void naturalOrder(java.util.Comparator<?> comparator, String path) {
      if (!Ordering.natural().equals(comparator)) {
        throw new IllegalArgumentException(
            "message field "
                + path
                + " is sorted by a custom comparator, which cannot cross the network; sort by natural order");
      }
    }

    private void elements(ImmutableCollection<?> items, Bytes out, String path) {
      out.varint(items.size());
      int i = 0;
      for (Object e : items) {
        value(e, out, path + "[" + i++ + "]");
      }
    }

    private void entries(ImmutableMap<?, ?> map, Bytes out, String path) {
      out.varint(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        value(e.getKey(), out, path + ".key");
        value(e.getValue(), out, path + "[" + e.getKey() + "]");
      }
    }

    private void multimap(ImmutableMultimap<?, ?> m, Bytes out, String path) {
      out.varint(m.size());
      for (Map.Entry<?, ?> e : m.entries()) {
        value(e.getKey(), out, path + ".key");
        value(e.getValue(), out, path + "[" + e.getKey() + "]");
      }
    }

    private void array(Object array, Bytes out, String path) {
      Class<?> component = array.getClass().getComponentType();
      int n = Array.getLength(array);
      out.put(ARRAY);
      classRef(component, out);
      out.varint(n);
      for (int i = 0; i < n; i++) {
        component(component, Array.get(array, i), out, path + "[" + i + "]");
      }
    }

    private void classRef(Class<?> c, Bytes out) {
      Integer id = classIds.get(c);
      if (id != null) {
        out.varint(id + 1L);
        return;
      }
      classIds.put(c, classIds.size());
      out.varint(0);
      out.bytes(c.getName().getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Decodes values for one direction of one connection; learns class names as they first appear.
   */
  public static final class Reader {
    private final List<Class<?>> classes = new ArrayList<>();
    private final Map<Class<?>, Shape> shapes;
    private final ClassLoader loader;

    public Reader() {
      this(new HashMap<>());
    }

    Reader(Map<Class<?>, Shape> shapes) {
      this.shapes = shapes;
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      this.loader = context != null ? context : WireCodec.class.getClassLoader();
    }

    /** Reads one value from {@code in}; throws IllegalArgumentException on malformed input. */
    public Object read(Input in) {
      return value(in);
    }

    public Object fromBytes(byte[] bytes) {
      Input in = new Input(bytes, 0, bytes.length);
      Object v = value(in);
      if (in.remaining() != 0) {
        throw new IllegalArgumentException("trailing bytes after value: " + in.remaining());
      }
      return v;
    }

    private Object value(Input in) {
      int tag = in.u8();
      switch (tag) {
        case NULL:
          return null;
        case INT:
          return (int) unzigzag(in.varint());
        case LONG:
          return unzigzag(in.varint());
        case STRING:
          return new String(in.bytes(), StandardCharsets.UTF_8);
        case TRUE:
          return Boolean.TRUE;
        case FALSE:
          return Boolean.FALSE;
        case BYTES:
          return in.bytes();
        case DOUBLE:
          return Double.longBitsToDouble(in.fixed64());
        case FLOAT:
          return Float.intBitsToFloat((int) in.varint());
        case SHORT:
          return (short) unzigzag(in.varint());
        case BYTE:
          return (byte) in.u8();
        case CHAR:
          return (char) in.varint();
        case ENUM:
          return enumConstant(in);
        case RECORD:
          return record(in);
        case LIST:
          {
            int n = in.count();
            ImmutableList.Builder<Object> b = ImmutableList.builderWithExpectedSize(n);
            for (int i = 0; i < n; i++) {
              b.add(nonNull(value(in), "list element"));
            }
            return b.build();
          }
        case SET:
        case SORTED_SET:
          {
            int n = in.count();
            List<Object> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
              items.add(nonNull(value(in), "set element"));
            }
            return tag == SET ? ImmutableSet.copyOf(items) : sortedSet(items);
          }
        case MAP:
        case SORTED_MAP:
          {
            int n = in.count();
            Map<Object, Object> entries = new java.util.LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
              Object k = nonNull(value(in), "map key");
              entries.put(k, nonNull(value(in), "map value"));
            }
            return tag == MAP ? ImmutableMap.copyOf(entries) : sortedMap(entries);
          }
        case LIST_MULTIMAP:
        case SET_MULTIMAP:
          {
            int n = in.count();
            ImmutableMultimap.Builder<Object, Object> b =
                tag == LIST_MULTIMAP
                    ? ImmutableListMultimap.builder()
                    : ImmutableSetMultimap.builder();
            for (int i = 0; i < n; i++) {
              Object k = nonNull(value(in), "multimap key");
              b.put(k, nonNull(value(in), "multimap value"));
            }
            return b.build();
          }
        case ARRAY:
          return array(in);
        default:
          throw new IllegalArgumentException(
              "unknown value tag " + tag + " at byte " + (in.pos - 1));
      }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object sortedSet(List<Object> items) {
      return ImmutableSortedSet.copyOf((List<Comparable>) (List) items);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object sortedMap(Map<Object, Object> entries) {
      return ImmutableSortedMap.copyOf((Map<Comparable, Object>) (Map) entries);
    }

    private static Object nonNull(Object v, String what) {
      if (v == null) {
        throw new IllegalArgumentException("null " + what + " in an immutable collection");
      }
      return v;
    }

    private Object enumConstant(Input in) {
      Class<?> c = classRef(in);
      Object[] constants = c.getEnumConstants();
      long ord = in.varint();
      if (constants == null || ord < 0 || ord >= constants.length) {
        throw new IllegalArgumentException("bad enum constant " + ord + " of " + c.getName());
      }
      return constants[(int) ord];
    }

    private Object record(Input in) {
      Class<?> c = classRef(in);
      if (!c.isRecord()) {
        throw new IllegalArgumentException(c.getName() + " is not a record");
      }
      Shape s = shapes.computeIfAbsent(c, Shape::of);
      Object[] args = new Object[s.types.length];
      for (int i = 0; i < args.length; i++) {
        args[i] = component(s.types[i], in);
        if (args[i] != null && !s.types[i].isPrimitive() && !s.types[i].isInstance(args[i])) {
          throw new IllegalArgumentException(
              c.getName()
                  + "."
                  + s.names[i]
                  + " is a "
                  + s.types[i].getName()
                  + " but the frame holds a "
                  + args[i].getClass().getName());
        }
      }
      return s.construct(args);
    }

    private Object component(Class<?> type, Input in) {
      if (!type.isPrimitive()) {
        return value(in);
      } else if (type == int.class) {
        return (int) unzigzag(in.varint());
      } else if (type == long.class) {
        return unzigzag(in.varint());
      } else if (type == boolean.class) {
        return in.u8() != 0;
      } else if (type == double.class) {
        return Double.longBitsToDouble(in.fixed64());
      } else if (type == float.class) {
        return Float.intBitsToFloat((int) in.varint());
      } else if (type == short.class) {
        return (short) unzigzag(in.varint());
      } else if (type == byte.class) {
        return (byte) in.u8();
      } else {
        return (char) in.varint();
      }
    }

    private Object array(Input in) {
      Class<?> component = classRef(in);
      int n = in.count();
      Object array = Array.newInstance(component, n);
      for (int i = 0; i < n; i++) {
        Object e = component(component, in);
        if (e != null && !component.isPrimitive() && !component.isInstance(e)) {
          throw new IllegalArgumentException(
              "array of " + component.getName() + " holds a " + e.getClass().getName());
        }
        Array.set(array, i, e);
      }
      return array;
    }

    private Class<?> classRef(Input in) {
      long ref = in.varint();
      if (ref != 0) {
        if (ref > classes.size()) {
          throw new IllegalArgumentException(
              "type id " + (ref - 1) + " was never named on this connection");
        }
        return classes.get((int) ref - 1);
      }
      String name = new String(in.bytes(), StandardCharsets.UTF_8);
      Class<?> c = PRIMITIVES.get(name);
      if (c == null) {
        try {
          c = Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
          throw new IllegalArgumentException(
              "frame names class " + name + ", which is not on the classpath");
        }
      }
      classes.add(c);
      return c;
    }
  }

  /** Cached reflective view of one record class. */
  static final class Shape {
    final Method[] accessors;
    final String[] names;
    final Class<?>[] types;
    final Constructor<?> constructor;

    private Shape(
        Method[] accessors, String[] names, Class<?>[] types, Constructor<?> constructor) {
      this.accessors = accessors;
      this.names = names;
      this.types = types;
      this.constructor = constructor;
    }

    static Shape of(Class<?> type) {
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
        return new Shape(accessors, names, types, ctor);
      } catch (NoSuchMethodException | RuntimeException e) {
        throw new IllegalArgumentException(
            "message type " + type.getName() + " cannot be inspected: " + e, e);
      }
    }

    Object get(Record r, int i) {
      try {
        return accessors[i].invoke(r);
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException(
            "cannot read " + r.getClass().getName() + "." + names[i], e);
      }
    }

    Object construct(Object[] values) {
      try {
        return constructor.newInstance(values);
      } catch (ReflectiveOperationException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        throw new IllegalArgumentException(
            "cannot build " + constructor.getDeclaringClass().getName() + " from a frame: " + cause,
            cause);
      }
    }
  }

  /** A growable byte buffer with varint helpers. */
  public static final class Bytes {
    private byte[] buf;
    private int size;

    public Bytes(int capacity) {
      buf = new byte[Math.max(16, capacity)];
    }

    void put(int b) {
      ensure(1);
      buf[size++] = (byte) b;
    }

    void bytes(byte[] b) {
      varint(b.length);
      ensure(b.length);
      System.arraycopy(b, 0, buf, size, b.length);
      size += b.length;
    }

    void varint(long v) {
      ensure(10);
      while ((v & ~0x7FL) != 0) {
        buf[size++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[size++] = (byte) v;
    }

    void fixed64(long v) {
      ensure(8);
      for (int i = 0; i < 8; i++) {
        buf[size++] = (byte) (v >>> (8 * i));
      }
    }

    /** Overwrites four bytes at {@code at} with {@code v}, big-endian (a length prefix). */
    public void putIntAt(int at, int v) {
      buf[at] = (byte) (v >>> 24);
      buf[at + 1] = (byte) (v >>> 16);
      buf[at + 2] = (byte) (v >>> 8);
      buf[at + 3] = (byte) v;
    }

    public void reserve(int n) {
      ensure(n);
      size += n;
    }

    public void putLong(long v) {
      ensure(8);
      for (int i = 7; i >= 0; i--) {
        buf[size++] = (byte) (v >>> (8 * i));
      }
    }

    public void putByte(int b) {
      put(b);
    }

    public int size() {
      return size;
    }

    public byte[] array() {
      return buf;
    }

    public byte[] toByteArray() {
      return java.util.Arrays.copyOf(buf, size);
    }

    private void ensure(int n) {
      if (size + n > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
      }
    }
  }

  /** A bounded view of bytes being decoded. */
  public static final class Input {
    private final byte[] in;
    private final int end;
    int pos;

    public Input(byte[] in, int offset, int length) {
      this.in = in;
      this.pos = offset;
      this.end = offset + length;
    }

    public int remaining() {
      return end - pos;
    }

    public int u8() {
      if (pos >= end) {
        throw new IllegalArgumentException("frame ends in the middle of a value");
      }
      return in[pos++] & 0xff;
    }

    public long readLong() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | u8();
      }
      return v;
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
      throw new IllegalArgumentException("varint longer than 10 bytes");
    }

    /** A count of items that each take at least one byte, checked against what is left. */
    int count() {
      long n = varint();
      if (n < 0 || n > remaining()) {
        throw new IllegalArgumentException(
            "length " + n + " exceeds the " + remaining() + " bytes left");
      }
      return (int) n;
    }

    byte[] bytes() {
      int n = count();
      byte[] b = java.util.Arrays.copyOfRange(in, pos, pos + n);
      pos += n;
      return b;
    }

    long fixed64() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v |= (long) u8() << (8 * i);
      }
      return v;
    }
  }

  static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }
}
