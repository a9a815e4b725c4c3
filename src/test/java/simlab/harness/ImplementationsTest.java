package simlab.harness;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import simlab.kvsrv.KvSrvService;
import simlab.kvsrv.ReferenceKvSrv;
import simlab.raft.RaftFactory;
import simlab.raft.ReferenceRaftFactory;
import simlab.raft.skeleton.SkeletonRaftFactory;

/** Under `mvn test` the -Dsim.* switches fail clearly instead of falling back to the reference. */
class ImplementationsTest {
  private final Map<String, String> saved = new LinkedHashMap<>();

  @BeforeEach
  void save() {
    for (String k : new String[] {"sim.impl", "sim.raft", "sim.kvsrv"}) {
      saved.put(k, System.getProperty(k));
      System.clearProperty(k);
    }
  }

  @AfterEach
  void restore() {
    saved.forEach(
        (k, v) -> {
          if (v == null) {
            System.clearProperty(k);
          } else {
            System.setProperty(k, v);
          }
        });
  }

  @Test
  void aGenericSwitchThatIsNoFactoryFails() {
    System.setProperty("sim.impl", "java.lang.String");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Implementations.load(RaftFactory.class, "sim.raft", new ReferenceRaftFactory()));
    assertTrue(
        e.getMessage().startsWith("-Dsim.impl=java.lang.String: implements no lab's factory"),
        e.getMessage());
  }

  @Test
  void aGenericSwitchNamingNoClassFails() {
    System.setProperty("sim.impl", "com.nope.DoesNotExist");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Implementations.load(KvSrvService.class, "sim.kvsrv", new ReferenceKvSrv()));
    assertTrue(
        e.getMessage().equals("-Dsim.impl=com.nope.DoesNotExist: no such class on the classpath"),
        e.getMessage());
  }

  @Test
  void aGenericSwitchForAnotherLabLeavesThisLabOnTheReference() {
    System.setProperty("sim.impl", SkeletonRaftFactory.class.getName());
    assertInstanceOf(
        ReferenceKvSrv.class,
        Implementations.load(KvSrvService.class, "sim.kvsrv", new ReferenceKvSrv()));
    assertInstanceOf(
        SkeletonRaftFactory.class,
        Implementations.load(RaftFactory.class, "sim.raft", new ReferenceRaftFactory()));
  }

  @Test
  void aLabSwitchOfTheWrongTypeFails() {
    System.setProperty("sim.raft", "simlab.raft.ReferenceRaft");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Implementations.load(RaftFactory.class, "sim.raft", new ReferenceRaftFactory()));
    assertTrue(
        e.getMessage().startsWith("-Dsim.raft=simlab.raft.ReferenceRaft: does not implement"),
        e.getMessage());
  }
}
