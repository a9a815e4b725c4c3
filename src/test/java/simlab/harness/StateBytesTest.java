package simlab.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import simlab.kvsrv1.ReferenceKvSrv1Server;
import simlab.sim.Simulation;

/** The deterministic memory estimate that stands in for 6.5840's heap measurements. */
class StateBytesTest {
  /** A server-like object: a map, a list, a primitive, a shared string. */
  static final class Holder {
    final Map<String, String> map = new HashMap<>();
    final List<String> list = new ArrayList<>();
    long counter;
    String shared = "abc";
    String sameAgain = shared;
  }

  @Test
  void countsObjectsOnceAndStringsAtEachReference() {
    Holder h = new Holder();
    // header + 4 references + a long; the string at both its references; empty map and list
    long empty =
        StateBytes.HEADER
            + 4 * StateBytes.REFERENCE
            + 8
            + 2 * (StateBytes.STRING + 3)
            + StateBytes.MAP
            + StateBytes.COLLECTION;
    assertEquals(empty, StateBytes.of(h));
    h.map.put("k", "vv");
    assertEquals(
        empty + StateBytes.MAP_ENTRY + (StateBytes.STRING + 1) + (StateBytes.STRING + 2),
        StateBytes.of(h));
    // The same String object kept once more costs its full size again, as a Go server's copy
    // of a received value would; a shared non-String object costs only the reference.
    h.list.add(h.shared);
    assertEquals(
        empty
            + StateBytes.MAP_ENTRY
            + (StateBytes.STRING + 1)
            + (StateBytes.STRING + 2)
            + StateBytes.REFERENCE
            + (StateBytes.STRING + 3),
        StateBytes.of(h));
  }

  @Test
  void aServerKeepingEveryPutsValueGrowsByTheValueEvenIfTheObjectIsShared() {
    List<String> kept = new ArrayList<>();
    String v = "x".repeat(1000);
    long before = StateBytes.of(kept);
    for (int i = 0; i < 10; i++) {
      kept.add(v);
    }
    assertEquals(
        10 * (StateBytes.REFERENCE + StateBytes.STRING + 1000), StateBytes.of(kept) - before);
  }

  @Test
  void theSimulatorIsNotTheServersStateAndTheAnswerIsStable() {
    Simulation sim = new Simulation(1);
    ReferenceKvSrv1Server s = sim.addNode("kvsrv", ReferenceKvSrv1Server::new);
    long a = StateBytes.of(s);
    // The server holds only its map: an empty map plus the object itself, not the simulation.
    assertEquals(StateBytes.HEADER + StateBytes.REFERENCE + StateBytes.MAP, a);
    assertEquals(a, StateBytes.of(s));
  }

  @Test
  void growsWithEveryRememberedValue() {
    Map<Long, String> perClient = new HashMap<>();
    long before = StateBytes.of(perClient);
    for (long c = 0; c < 100; c++) {
      perClient.put(c, "");
    }
    long per = (StateBytes.of(perClient) - before) / 100;
    // a map entry, a boxed Long, and the value
    assertTrue(per >= StateBytes.MAP_ENTRY + StateBytes.HEADER, "per client " + per);
  }
}
