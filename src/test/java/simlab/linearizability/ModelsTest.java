package simlab.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.linearizability.model.EtcdInput;
import simlab.linearizability.model.EtcdModel;
import simlab.linearizability.model.EtcdOutput;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOutput;

class ModelsTest {
  private final KvModel kv = new KvModel();
  private final EtcdModel etcd = new EtcdModel();

  @Test
  void kvSteps() {
    assertEquals("", kv.next("", KvInput.get("k"), KvOutput.of("")));
    assertNull(kv.next("", KvInput.get("k"), KvOutput.of("x")));
    assertEquals("x", kv.next("old", KvInput.put("k", "x"), KvOutput.NONE));
    assertEquals("ab", kv.next("a", KvInput.append("k", "b"), KvOutput.NONE));
    assertEquals("", kv.next("a", KvInput.delete("k"), KvOutput.NONE));
    assertEquals("get(\"k\") -> \"v\"", kv.describeOperation(KvInput.get("k"), KvOutput.of("v")));
  }

  @Test
  void kvPartitionsByKeyInKeyOrder() {
    var ops =
        List.of(
            new Operation<>(0, KvInput.put("b", "1"), KvOutput.NONE, 0, 1),
            new Operation<>(0, KvInput.put("a", "1"), KvOutput.NONE, 2, 3),
            new Operation<>(0, KvInput.get("b"), KvOutput.of("1"), 4, 5));
    var parts = kv.partition(ops);
    assertEquals(2, parts.size());
    assertEquals("a", parts.get(0).get(0).input().key());
    assertEquals(2, parts.get(1).size());
  }

  @Test
  void unpartitionedKvAgreesWithPartitioned() {
    var ops =
        List.of(
            new Operation<>(0, KvInput.put("a", "1"), KvOutput.NONE, 0, 1),
            new Operation<>(1, KvInput.append("b", "2"), KvOutput.NONE, 0, 1),
            new Operation<>(0, KvInput.get("a"), KvOutput.of("1"), 2, 3),
            new Operation<>(1, KvInput.get("b"), KvOutput.of("2"), 2, 3),
            new Operation<>(1, KvInput.delete("b"), KvOutput.NONE, 4, 5),
            new Operation<>(1, KvInput.get("b"), KvOutput.of(""), 6, 7));
    Duration t = Duration.ofSeconds(1);
    assertEquals(Verdict.LINEARIZABLE, LinearizabilityChecker.check(kv, ops, t).verdict());
    assertEquals(
        Verdict.LINEARIZABLE,
        LinearizabilityChecker.check(KvModel.unpartitioned(), ops, t).verdict());
  }

  @Test
  void etcdReadsAndWrites() {
    assertEquals(EtcdModel.NIL, etcd.next(EtcdModel.NIL, EtcdInput.read(), EtcdOutput.read(null)));
    assertNull(etcd.next(EtcdModel.NIL, EtcdInput.read(), EtcdOutput.read(3)));
    assertEquals(3L, etcd.next(EtcdModel.NIL, EtcdInput.write(3), EtcdOutput.OK));
    assertEquals(3L, etcd.next(3L, EtcdInput.read(), EtcdOutput.read(3)));
    assertEquals(
        7L,
        etcd.next(3L, EtcdInput.read(), EtcdOutput.UNKNOWN) + 4,
        "unknown read changes nothing");
  }

  @Test
  void etcdCas() {
    assertEquals(4L, etcd.next(3L, EtcdInput.cas(3, 4), EtcdOutput.OK));
    assertNull(etcd.next(2L, EtcdInput.cas(3, 4), EtcdOutput.OK));
    assertEquals(2L, etcd.next(2L, EtcdInput.cas(3, 4), EtcdOutput.FAIL));
    assertNull(etcd.next(3L, EtcdInput.cas(3, 4), EtcdOutput.FAIL));
    assertEquals(
        4L,
        etcd.next(3L, EtcdInput.cas(3, 4), EtcdOutput.UNKNOWN),
        "unknown cas applies on a match");
    assertEquals(2L, etcd.next(2L, EtcdInput.cas(3, 4), EtcdOutput.UNKNOWN));
    assertEquals("cas(3, 4) -> fail", etcd.describeOperation(EtcdInput.cas(3, 4), EtcdOutput.FAIL));
    assertEquals("nil", etcd.describeState(EtcdModel.NIL));
  }
}
