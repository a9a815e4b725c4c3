package simlab.harness;

/**
 * Chooses the implementation under test. The graded suites run the reference by default; a
 * student's class is selected with a system property: the lab's own key ({@code sim.raft}, {@code
 * sim.kv}, {@code sim.kvsrv}, {@code sim.shardctrler}, {@code sim.shardkv}) or the generic {@code
 * sim.impl}, used where the class implements the lab's factory interface.
 *
 * <p>A bad value never falls back to the reference silently: a missing class, a class that does not
 * implement the key's factory, or a {@code sim.impl} that implements no lab's factory at all, fails
 * the test with a one-line message naming the property and the value. ({@code grade}, {@code
 * replay} and {@code sweep} check the same rules before running, through {@link
 * ImplementationChoice}.)
 */
public final class Implementations {
  private Implementations() {}

  public static <T> T load(Class<T> factoryType, String labKey, T reference) {
    String specific = System.getProperty(labKey);
    if (specific != null && !specific.isBlank()) {
      String where = "-D" + labKey + "=" + specific.trim();
      ImplementationKind kind = kindOf(labKey, factoryType);
      return instantiate(
          factoryType, ImplementationChoice.checkedClass(kind, specific.trim(), where), where);
    }
    String generic = System.getProperty(ImplementationKind.GENERIC_PROPERTY);
    if (generic != null && !generic.isBlank()) {
      String where = "-D" + ImplementationKind.GENERIC_PROPERTY + "=" + generic.trim();
      Class<?> c = ImplementationChoice.load(generic.trim(), where);
      if (factoryType.isAssignableFrom(c)) {
        return instantiate(
            factoryType,
            ImplementationChoice.checkedClass(kindOf(labKey, factoryType), generic.trim(), where),
            where);
      }
      if (!implementsAnyFactory(c)) {
        throw new IllegalArgumentException(
            where + ": implements no lab's factory (expected one of " + factoryNames() + ")");
      }
      // A factory of another lab (say a RaftFactory while a kvsrv test runs): not for this one.
    }
    return reference;
  }

  private static ImplementationKind kindOf(String labKey, Class<?> factoryType) {
    for (ImplementationKind k : ImplementationKind.values()) {
      if (k.property().equals(labKey) && k.factoryType() == factoryType) {
        return k;
      }
    }
    throw new IllegalStateException(
        "no implementation kind has property " + labKey + " and factory " + factoryType.getName());
  }

  private static boolean implementsAnyFactory(Class<?> c) {
    for (ImplementationKind k : ImplementationKind.values()) {
      if (k.factoryType().isAssignableFrom(c)) {
        return true;
      }
    }
    return false;
  }

  private static String factoryNames() {
    StringBuilder sb = new StringBuilder();
    for (ImplementationKind k : ImplementationKind.values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(k.factoryType().getName());
    }
    return sb.toString();
  }

  private static <T> T instantiate(Class<T> type, Class<?> c, String where) {
    try {
      return type.cast(c.getConstructor().newInstance());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      Throwable cause =
          e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
      throw new IllegalArgumentException(where + ": the constructor failed: " + cause);
    }
  }
}
