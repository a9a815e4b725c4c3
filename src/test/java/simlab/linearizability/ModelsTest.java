package simlab.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.linearizability.model.EtcdInput;
import simlab.linearizability.model.EtcdModel;
import simlab.linearizability.model.EtcdOutput;
import simlab.linearizability.model.KvErr;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOutput;
import simlab.linearizability.model.VersionedInput;
import simlab.linearizability.model.VersionedKvModel;
import simlab.linearizability.model.VersionedOutput;
import simlab.linearizability.model.VersionedValue;

class ModelsTest {
  private final KvModel kv = new KvModel();
  private final EtcdModel etcd = new EtcdModel();
  private final VersionedKvModel versioned = new VersionedKvModel();

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

  @Test
  void versionedPut() {
    VersionedValue absent = VersionedValue.ABSENT;
    VersionedValue v1 = new VersionedValue("x", 1);
    assertEquals(
        v1, versioned.next(absent, VersionedInput.put("k", "x", 0), VersionedOutput.of(KvErr.OK)));
    assertEquals(
        v1,
        versioned.next(
            absent, VersionedInput.put("k", "x", 0), VersionedOutput.of(KvErr.ERR_MAYBE)));
    assertEquals(
        absent,
        versioned.next(
            absent, VersionedInput.put("k", "x", 3), VersionedOutput.of(KvErr.ERR_NO_KEY)));
    assertNull(
        versioned.next(absent, VersionedInput.put("k", "x", 3), VersionedOutput.of(KvErr.OK)));
    assertEquals(
        new VersionedValue("y", 2),
        versioned.next(v1, VersionedInput.put("k", "y", 1), VersionedOutput.of(KvErr.OK)));
    assertNull(
        versioned.next(v1, VersionedInput.put("k", "y", 1), VersionedOutput.of(KvErr.ERR_VERSION)));
    assertEquals(
        v1,
        versioned.next(v1, VersionedInput.put("k", "y", 5), VersionedOutput.of(KvErr.ERR_VERSION)));
    assertEquals(
        v1,
        versioned.next(v1, VersionedInput.put("k", "y", 5), VersionedOutput.of(KvErr.ERR_MAYBE)));
    assertNull(versioned.next(v1, VersionedInput.put("k", "y", 5), VersionedOutput.of(KvErr.OK)));
  }

  @Test
  void versionedGet() {
    VersionedValue v1 = new VersionedValue("x", 1);
    assertEquals(
        VersionedValue.ABSENT,
        versioned.next(
            VersionedValue.ABSENT, VersionedInput.get("k"), VersionedOutput.of(KvErr.ERR_NO_KEY)));
    assertEquals(v1, versioned.next(v1, VersionedInput.get("k"), VersionedOutput.got("x", 1)));
    assertNull(versioned.next(v1, VersionedInput.get("k"), VersionedOutput.got("x", 2)));
    assertNull(versioned.next(v1, VersionedInput.get("k"), VersionedOutput.of(KvErr.ERR_NO_KEY)));
  }

  private static Verdict check(List<Operation<VersionedInput, VersionedOutput>> ops) {
    return LinearizabilityChecker.check(new VersionedKvModel(), ops, Duration.ofSeconds(1))
        .verdict();
  }

  private static Operation<VersionedInput, VersionedOutput> put(
      int client, String v, long version, KvErr err, long call, long ret) {
    return new Operation<>(
        client, VersionedInput.put("k", v, version), VersionedOutput.of(err), call, ret);
  }

  private static Operation<VersionedInput, VersionedOutput> get(
      String v, long version, long call, long ret) {
    return new Operation<>(9, VersionedInput.get("k"), VersionedOutput.got(v, version), call, ret);
  }

  @Test
  void maybePutMayHaveHappenedOrNot() {
    // Applied: nobody else wrote, so the version matched and the Put took effect.
    assertEquals(
        Verdict.LINEARIZABLE,
        check(
            List.of(
                put(0, "a", 0, KvErr.OK, 0, 1),
                put(0, "b", 1, KvErr.ERR_MAYBE, 2, 5),
                get("b", 2, 6, 7))));
    // Not applied: a concurrent Put won, so the retry saw another version.
    assertEquals(
        Verdict.LINEARIZABLE,
        check(
            List.of(
                put(0, "a", 0, KvErr.OK, 0, 1),
                put(0, "b", 1, KvErr.ERR_MAYBE, 2, 5),
                put(1, "c", 1, KvErr.OK, 3, 4),
                get("c", 2, 6, 7))));
    // As in 6.5840: with the version unchanged throughout, ErrMaybe cannot mean "not applied".
    assertEquals(
        Verdict.NOT_LINEARIZABLE,
        check(
            List.of(
                put(0, "a", 0, KvErr.OK, 0, 1),
                put(0, "b", 1, KvErr.ERR_MAYBE, 2, 5),
                get("a", 1, 6, 7))));
  }
}
