package simlab.harness;

/**
 * Chooses the implementation under test. The graded suites run the reference by default;
 * a student's class is selected with a system property: the lab's own key
 * ({@code sim.raft}, {@code sim.kv}, {@code sim.kvsrv}, {@code sim.shardctrler},
 * {@code sim.shardkv}) or the generic {@code sim.impl} (what {@code grade --impl} sets),
 * which is used only when the class implements the lab's factory interface.
 */
public final class Implementations {
  private Implementations() {
  }

  public static <T> T load(Class<T> factoryType, String labKey, T reference) {
    String specific = System.getProperty(labKey);
    if (specific != null && !specific.isBlank()) {
      return instantiate(factoryType, labKey, specific.trim(), true);
    }
    String generic = System.getProperty("sim.impl");
    if (generic != null && !generic.isBlank()) {
      T t = instantiate(factoryType, "sim.impl", generic.trim(), false);
      if (t != null) {
        return t;
      }
    }
    return reference;
  }

  private static <T> T instantiate(Class<T> type, String key, String className, boolean required) {
    Class<?> c;
    try {
      c = Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(key + "=" + className + ": no such class on the classpath");
    }
    if (!type.isAssignableFrom(c)) {
      if (required) {
        throw new IllegalArgumentException(key + "=" + className + ": does not implement " + type.getName());
      }
      return null;
    }
    try {
      return type.cast(c.getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(key + "=" + className
          + ": needs a public no-argument constructor (" + e + ")");
    }
  }
}
