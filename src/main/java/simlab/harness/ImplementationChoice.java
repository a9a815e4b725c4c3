package simlab.harness;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which class implements each pluggable part of the labs being run, decided and checked before any
 * test runs. Input: the {@code --impl} values ({@code KIND=CLASS}, or a bare {@code CLASS} meaning
 * "the factory of the lab being run") and the {@code sim.KIND} / {@code sim.impl} properties. Every
 * class must exist, implement its kind's factory interface and have a public no-argument
 * constructor, and every kind named must be one the selected parts run; anything else is an {@link
 * IllegalArgumentException} with a one-line message naming the option and the value.
 */
public final class ImplementationChoice {
  private final Set<ImplementationKind> used;
  private final Map<ImplementationKind, String> chosen;

  private ImplementationChoice(
      Set<ImplementationKind> used, Map<ImplementationKind, String> chosen) {
    this.used = used;
    this.chosen = chosen;
  }

  /**
   * Resolves the switches against the kinds the selected parts use.
   *
   * @param implArgs the values of every {@code --impl} option, in order
   * @param properties system properties (only {@code sim.KIND} and {@code sim.impl} are read)
   * @param usedKinds the kinds the selected tests plug in
   */
  public static ImplementationChoice resolve(
      List<String> implArgs, Map<?, ?> properties, Collection<ImplementationKind> usedKinds) {
    Set<ImplementationKind> used = new LinkedHashSet<>(usedKinds);
    Map<ImplementationKind, String> chosen = new EnumMap<>(ImplementationKind.class);
    Map<ImplementationKind, String> origin = new EnumMap<>(ImplementationKind.class);
    List<String[]> bare = new ArrayList<>();
    for (ImplementationKind k : ImplementationKind.values()) {
      Object v = properties.get(k.property());
      if (v != null && !v.toString().isBlank()) {
        String where = "-D" + k.property() + "=" + v.toString().trim();
        put(chosen, origin, used, k, v.toString().trim(), where);
      }
    }
    Object generic = properties.get(ImplementationKind.GENERIC_PROPERTY);
    if (generic != null && !generic.toString().isBlank()) {
      bare.add(
          new String[] {
            generic.toString().trim(), "-D" + ImplementationKind.GENERIC_PROPERTY + "=" + generic
          });
    }
    for (String a : implArgs) {
      String value = a.trim();
      int eq = value.indexOf('=');
      if (value.isEmpty()) {
        throw new IllegalArgumentException(
            "--impl needs a class name or KIND=CLASS, got an empty value");
      }
      if (eq < 0) {
        bare.add(new String[] {value, "--impl " + value});
        continue;
      }
      String kindName = value.substring(0, eq).trim();
      String cls = value.substring(eq + 1).trim();
      ImplementationKind k =
          ImplementationKind.byShortName(kindName)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--impl "
                              + value
                              + ": unknown kind '"
                              + kindName
                              + "' (expected one of "
                              + ImplementationKind.shortNames()
                              + ")"));
      if (cls.isEmpty()) {
        throw new IllegalArgumentException("--impl " + value + ": no class after '='");
      }
      put(chosen, origin, used, k, cls, "--impl " + value);
    }
    for (String[] b : bare) {
      resolveBare(chosen, origin, used, b[0], b[1]);
    }
    return new ImplementationChoice(used, chosen);
  }

  private static void put(
      Map<ImplementationKind, String> chosen,
      Map<ImplementationKind, String> origin,
      Set<ImplementationKind> used,
      ImplementationKind k,
      String cls,
      String where) {
    if (!used.contains(k)) {
      throw new IllegalArgumentException(
          where
              + ": the tests being run use no "
              + k.shortName()
              + " implementation (they use "
              + names(used)
              + ")");
    }
    checkedClass(k, cls, where);
    String before = chosen.get(k);
    if (before != null && !before.equals(cls)) {
      throw new IllegalArgumentException(
          where + ": " + k.shortName() + " is already " + before + " (from " + origin.get(k) + ")");
    }
    chosen.put(k, cls);
    origin.put(k, where);
  }

  private static void resolveBare(
      Map<ImplementationKind, String> chosen,
      Map<ImplementationKind, String> origin,
      Set<ImplementationKind> used,
      String cls,
      String where) {
    Class<?> c = load(cls, where);
    List<ImplementationKind> matches = new ArrayList<>();
    for (ImplementationKind k : used) {
      if (k.factoryType().isAssignableFrom(c)) {
        matches.add(k);
      }
    }
    if (matches.isEmpty()) {
      throw new IllegalArgumentException(
          where
              + ": not a factory of the labs being run (expected a class implementing "
              + expected(used)
              + ")");
    }
    for (ImplementationKind k : matches) {
      put(chosen, origin, used, k, cls, where);
    }
  }

  /**
   * Loads and checks one class for one kind; the message of any failure starts with {@code where}.
   */
  public static Class<?> checkedClass(ImplementationKind k, String cls, String where) {
    Class<?> c = load(cls, where);
    if (!k.factoryType().isAssignableFrom(c)) {
      throw new IllegalArgumentException(
          where
              + ": does not implement "
              + k.factoryType().getName()
              + " (the "
              + k.shortName()
              + " factory)");
    }
    if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
      throw new IllegalArgumentException(where + ": is abstract; give a concrete class");
    }
    try {
      c.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(where + ": needs a public no-argument constructor");
    }
    if (!Modifier.isPublic(c.getModifiers())) {
      throw new IllegalArgumentException(where + ": the class must be public");
    }
    return c;
  }

  static Class<?> load(String cls, String where) {
    try {
      // initialize=false: checking a name must not run the student's static initialisers.
      return Class.forName(cls, false, ImplementationChoice.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(where + ": no such class on the classpath");
    }
  }

  private static String expected(Set<ImplementationKind> used) {
    if (used.isEmpty()) {
      return "nothing: the tests being run plug in no implementation";
    }
    StringBuilder sb = new StringBuilder();
    for (ImplementationKind k : used) {
      sb.append(sb.length() == 0 ? "" : " or ")
          .append(k.factoryType().getName())
          .append(" (")
          .append(k.shortName())
          .append(')');
    }
    return sb.toString();
  }

  private static String names(Set<ImplementationKind> used) {
    if (used.isEmpty()) {
      return "none";
    }
    StringBuilder sb = new StringBuilder();
    for (ImplementationKind k : used) {
      sb.append(sb.length() == 0 ? "" : ", ").append(k.shortName());
    }
    return sb.toString();
  }

  /** The kinds chosen explicitly (not the reference), in {@link ImplementationKind} order. */
  public Map<ImplementationKind, String> chosen() {
    return java.util.Collections.unmodifiableMap(chosen);
  }

  /** The class that runs for {@code k}: the chosen one or the reference. */
  public String classFor(ImplementationKind k) {
    return chosen.getOrDefault(k, k.reference().getName());
  }

  public boolean isReference(ImplementationKind k) {
    return !chosen.containsKey(k);
  }

  /** The kinds the selected tests use. */
  public Set<ImplementationKind> used() {
    return java.util.Collections.unmodifiableSet(used);
  }

  /** The {@code --impl KIND=CLASS} arguments that reproduce this choice exactly. */
  public List<String> asArguments() {
    List<String> args = new ArrayList<>();
    chosen.forEach(
        (k, c) -> {
          args.add("--impl");
          args.add(k.shortName() + "=" + c);
        });
    return args;
  }
}
