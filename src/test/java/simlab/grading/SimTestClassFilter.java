package simlab.grading;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import simlab.testing.SimTest;

/**
 * Lets test discovery load only the classes that can hold a {@link SimTest}. Discovery over the
 * package loads, links and inspects every test class of the project, and the unit tests far
 * outnumber the lab suites, so that cost grew with every test added (it was the largest fixed cost
 * of a grade run). JUnit asks this filter by name before it loads a class; the filter reads the
 * class file instead: a class whose methods carry {@code @SimTest} names the annotation in its
 * constant pool. A class that does not may still inherit such methods, so its superclass and
 * interfaces are read the same way. Anything it cannot read is let through, for JUnit to decide:
 * the filter only ever drops classes that provably declare and inherit no {@code @SimTest}.
 */
final class SimTestClassFilter implements ClassNameFilter {
  private static final byte[] MARK =
      SimTest.class.getName().replace('.', '/').getBytes(StandardCharsets.US_ASCII);

  private final ClassLoader loader;
  private final Map<String, Boolean> verdicts = new HashMap<>();

  SimTestClassFilter(ClassLoader loader) {
    this.loader = loader;
  }

  @Override
  public FilterResult apply(String className) {
    return mayHoldSimTests(className)
        ? FilterResult.included("declares or inherits @SimTest methods")
        : FilterResult.excluded("no @SimTest in the class or its supertypes");
  }

  boolean mayHoldSimTests(String className) {
    Boolean known = verdicts.get(className);
    if (known != null) {
      return known;
    }
    verdicts.put(className, Boolean.FALSE); // guards against a cycle while reading
    boolean verdict = decide(className);
    verdicts.put(className, verdict);
    return verdict;
  }

  private boolean decide(String className) {
    if (className.startsWith("java.")) {
      return false;
    }
    byte[] bytes = read(className);
    if (bytes == null) {
      return true;
    }
    if (contains(bytes, MARK)) {
      return true;
    }
    List<String> supertypes;
    try {
      supertypes = supertypes(bytes);
    } catch (IOException | RuntimeException e) {
      return true;
    }
    for (String s : supertypes) {
      if (mayHoldSimTests(s)) {
        return true;
      }
    }
    return false;
  }

  private byte[] read(String className) {
    try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }

  static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** The binary names of the superclass and interfaces, from the class file (JVMS §4.1). */
  static List<String> supertypes(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor
    in.readUnsignedShort(); // major
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNameIndex = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNameIndex[i] = in.readUnsignedShort();
        case 8, 16, 19, 20 -> in.skipNBytes(2);
        case 15 -> in.skipNBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
        case 5, 6 -> {
          in.skipNBytes(8);
          i++; // long and double take two slots
        }
        default -> throw new IOException("constant pool tag " + tag);
      }
    }
    in.readUnsignedShort(); // access flags
    in.readUnsignedShort(); // this class
    List<String> out = new ArrayList<>();
    int superIndex = in.readUnsignedShort();
    if (superIndex != 0) {
      out.add(utf8[classNameIndex[superIndex]].replace('/', '.'));
    }
    int interfaces = in.readUnsignedShort();
    for (int k = 0; k < interfaces; k++) {
      out.add(utf8[classNameIndex[in.readUnsignedShort()]].replace('/', '.'));
    }
    return out;
  }
}
