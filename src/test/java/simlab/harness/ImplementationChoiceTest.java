package simlab.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import simlab.kv.skeleton.SkeletonKv;
import simlab.raft.RaftFactory;
import simlab.raft.skeleton.SkeletonRaftFactory;

/**
 * The --impl / -Dsim.* resolver: every bad value is a one-line error naming the option and the
 * value.
 */
class ImplementationChoiceTest {
  private static final List<ImplementationKind> LAB3 = ImplementationKind.forPart("3A");
  private static final List<ImplementationKind> LAB4 = ImplementationKind.forPart("4A");

  private static String error(
      List<String> impls, Map<String, String> props, List<ImplementationKind> used) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ImplementationChoice.resolve(impls, props, used));
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e.getMessage();
  }

  @Test
  void aClassThatIsNoFactoryIsRejected() {
    String m = error(List.of("java.lang.String"), Map.of(), LAB3);
    assertTrue(m.startsWith("--impl java.lang.String: not a factory of the labs being run"), m);
    assertTrue(m.contains("simlab.raft.RaftFactory"), m);
  }

  @Test
  void aRaftIsNotARaftFactory() {
    String m = error(List.of("simlab.raft.ReferenceRaft"), Map.of(), LAB3);
    assertTrue(m.startsWith("--impl simlab.raft.ReferenceRaft: not a factory"), m);
  }

  @Test
  void anotherLabsFactoryIsRejected() {
    String m = error(List.of("simlab.kv.ReferenceKv"), Map.of(), LAB3);
    assertTrue(m.startsWith("--impl simlab.kv.ReferenceKv: not a factory"), m);
  }

  @Test
  void aMissingClassIsRejected() {
    String m = error(List.of("com.nope.DoesNotExist"), Map.of(), LAB3);
    assertEquals("--impl com.nope.DoesNotExist: no such class on the classpath", m);
  }

  @Test
  void aKindTheLabDoesNotUseIsRejected() {
    String m = error(List.of("kv=simlab.kv.ReferenceKv"), Map.of(), LAB3);
    assertEquals(
        "--impl kv=simlab.kv.ReferenceKv: the tests being run use no kv implementation (they use raft)",
        m);
  }

  @Test
  void anUnknownKindIsRejected() {
    String m = error(List.of("rafty=" + SkeletonRaftFactory.class.getName()), Map.of(), LAB3);
    assertTrue(m.contains("unknown kind 'rafty'"), m);
    assertTrue(m.contains("kvsrv, raft, kv, shardctrler, shardkv"), m);
  }

  @Test
  void aClassOfTheWrongKindIsRejected() {
    String m = error(List.of("raft=simlab.kv.ReferenceKv"), Map.of(), LAB4);
    assertEquals(
        "--impl raft=simlab.kv.ReferenceKv: does not implement simlab.raft.RaftFactory (the raft factory)",
        m);
  }

  @Test
  void aFactoryWithoutPublicConstructorIsRejected() {
    String m = error(List.of("raft=" + NoPublicConstructor.class.getName()), Map.of(), LAB3);
    assertTrue(m.endsWith("needs a public no-argument constructor"), m);
    String a = error(List.of("raft=" + AbstractFactory.class.getName()), Map.of(), LAB3);
    assertTrue(a.endsWith("is abstract; give a concrete class"), a);
  }

  @Test
  void propertiesAreCheckedLikeOptions() {
    String m = error(List.of(), Map.of("sim.impl", "java.lang.String"), LAB3);
    assertTrue(m.startsWith("-Dsim.impl=java.lang.String: not a factory"), m);
    String k = error(List.of(), Map.of("sim.raft", "simlab.raft.ReferenceRaft"), LAB3);
    assertTrue(k.startsWith("-Dsim.raft=simlab.raft.ReferenceRaft: does not implement"), k);
  }

  @Test
  void conflictingChoicesAreRejected() {
    String m =
        error(
            List.of("kv=" + SkeletonKv.class.getName()),
            Map.of("sim.kv", "simlab.kv.ReferenceKv"),
            LAB4);
    assertTrue(
        m.contains("kv is already simlab.kv.ReferenceKv (from -Dsim.kv=simlab.kv.ReferenceKv)"), m);
  }

  @Test
  void aBareFactoryGoesToTheKindItImplements() {
    ImplementationChoice c =
        ImplementationChoice.resolve(List.of(SkeletonRaftFactory.class.getName()), Map.of(), LAB4);
    assertEquals(Map.of(ImplementationKind.RAFT, SkeletonRaftFactory.class.getName()), c.chosen());
    assertTrue(c.isReference(ImplementationKind.KV));
    assertEquals("simlab.kv.ReferenceKv", c.classFor(ImplementationKind.KV));
  }

  @Test
  void severalKindsAndPropertiesCombineIntoExplicitArguments() {
    ImplementationChoice c =
        ImplementationChoice.resolve(
            List.of("kv=" + SkeletonKv.class.getName()),
            Map.of("sim.raft", SkeletonRaftFactory.class.getName()),
            LAB4);
    assertEquals(
        List.of(
            "--impl",
            "raft=" + SkeletonRaftFactory.class.getName(),
            "--impl",
            "kv=" + SkeletonKv.class.getName()),
        c.asArguments());
  }

  @Test
  void noSwitchesMeansTheReference() {
    ImplementationChoice c = ImplementationChoice.resolve(List.of(), Map.of(), LAB3);
    assertTrue(c.chosen().isEmpty());
    assertEquals("simlab.raft.ReferenceRaftFactory", c.classFor(ImplementationKind.RAFT));
  }

  /** A factory the resolver must refuse: no public no-argument constructor. */
  public static final class NoPublicConstructor implements RaftFactory {
    private NoPublicConstructor() {}

    @Override
    public simlab.raft.Raft make(
        simlab.sim.NodeContext ctx,
        List<String> peers,
        int me,
        java.util.function.Consumer<simlab.raft.ApplyMsg> applyCh) {
      throw new UnsupportedOperationException();
    }
  }

  /** A factory the resolver must refuse: abstract. */
  public abstract static class AbstractFactory implements RaftFactory {}
}
