package simlab.kvsrv1;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import simlab.harness.KvSrv1Setup;
import simlab.testing.Points;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/**
 * Lab 2 (6.5840 2025, {@code kvsrv1/kvsrv_test.go}): the versioned server and clerk. Histories are
 * checked with the versioned KV model under the step budget ({@code VersionedHistory}); memory is
 * the server's reachable state ({@code StateBytes}), not the JVM heap (see
 * labs/2025/lab2-kvsrv1.md).
 */
@Tag("2025-2")
class KvSrv1Test {
  /** 6.5840's value in TestReliablePut. */
  static final String VAL = "6.5840";

  /** TestPutConcurrentReliable: 10 clients for 1 s. */
  static final int NCLNT = 10;

  static final Duration NSEC = Duration.ofSeconds(1);

  /** 2026's clerk count for the memory test (2025: 100,000, with the whole heap measured). */
  static final int NCLIENT_MEM = 20_000;

  /** 2026's bound: the server may grow by at most 10 bytes per clerk. */
  static final long BYTES_PER_CLERK = 10;

  /** TestMemPutManyClientsReliable's value size. */
  static final int MEM = 1000;

  /** TestUnreliableNet: tries, each a new version. */
  static final int NTRY = 100;

  @SimTest(name = "TestReliablePut")
  @Points(5)
  void reliablePut(Seed seed) {
    KvSrv1Setup ts = new KvSrv1Setup(seed.newSimulation(), true);
    ts.begin("One client and reliable Put");
    VersionedClerk ck = ts.makeClerk().recorded();
    Err e = ts.await(ck.put("k", VAL, 0), "Put");
    if (e != Err.OK) {
      throw ts.fatal("Put err " + e);
    }
    GetResult g = ts.await(ck.get("k"), "Get");
    if (g.err() != Err.OK) {
      throw ts.fatal("Get err " + g.err() + "; expected OK");
    }
    if (!g.value().equals(VAL)) {
      throw ts.fatal("Get value err " + g.value() + "; expected " + VAL);
    }
    if (g.version() != 1) {
      throw ts.fatal("Get wrong version " + g.version() + "; expected 1");
    }
    e = ts.await(ck.put("k", VAL, 0), "Put");
    if (e != Err.ErrVersion) {
      throw ts.fatal("expected Put to fail with ErrVersion; got err=" + e);
    }
    e = ts.await(ck.put("y", VAL, 1), "Put");
    if (e != Err.ErrNoKey) {
      throw ts.fatal("expected Put to fail with ErrNoKey; got err=" + e);
    }
    g = ts.await(ck.get("y"), "Get");
    if (g.err() != Err.ErrNoKey) {
      throw ts.fatal("expected Get to fail with ErrNoKey; got err=" + g.err());
    }
    ts.end();
  }

  @SimTest(name = "TestPutConcurrentReliable")
  @Points(5)
  void putConcurrentReliable(Seed seed) {
    KvSrv1Setup ts = new KvSrv1Setup(seed.newSimulation(), true);
    ts.begin("Test: many clients racing to put values to the same key");
    List<VersionedClerk> cks = new ArrayList<>();
    for (int i = 0; i < NCLNT; i++) {
      cks.add(ts.makeClerk().recorded());
    }
    List<ClntRes> rs =
        KvTest1.runClients(
            ts.sim(),
            NCLNT,
            NSEC,
            me ->
                KvTest1.oneClientPut(
                    me, cks.get(me), List.of("k"), ts.sim().random("client-" + me)));
    GetResult last = ts.await(ts.makeClerk().recorded().get("k"), "Get");
    try {
      KvTest1.checkPutConcurrent(last, rs, ts.reliable());
    } catch (AssertionError e) {
      throw ts.fatal(e.getMessage());
    }
    ts.checkHistory(seed.testName(), seed.value());
    ts.end();
  }

  @SimTest(name = "TestMemPutManyClientsReliable")
  @Points(5)
  void memPutManyClientsReliable(Seed seed) {
    KvSrv1Setup ts = new KvSrv1Setup(seed.newSimulation(), true);
    String v = KvTest1.randValue(ts.sim().random("value"), MEM);
    List<VersionedClerk> cks = new ArrayList<>();
    for (int i = 0; i < NCLIENT_MEM; i++) {
      cks.add(ts.makeClerk().bare());
    }
    // 6.5840 first makes every clerk talk to the server ("force allocation of ends").
    for (int i = 0; i < NCLIENT_MEM; i++) {
      Err e = ts.await(cks.get(i).put("k", "", 1), "Put");
      if (e != Err.ErrNoKey) {
        throw ts.fatal("Put error " + e + "; expected ErrNoKey");
      }
    }
    ts.begin("Test: memory use many put clients");
    ts.runFor(Duration.ofSeconds(1));
    long m0 = ts.serverStateBytes();
    for (int i = 0; i < NCLIENT_MEM; i++) {
      Err e = ts.await(cks.get(i).put("k", v, i), "Put");
      if (e != Err.OK) {
        throw ts.fatal("Put error " + e + "; expected OK");
      }
    }
    ts.runFor(Duration.ofSeconds(1));
    long m1 = ts.serverStateBytes();
    double f = (m1 - m0) / (double) NCLIENT_MEM;
    if (m1 > m0 + NCLIENT_MEM * BYTES_PER_CLERK) {
      throw ts.fatal(
          String.format("error: server using too much memory %d %d (%.2f per client)", m0, m1, f));
    }
    ts.end();
  }

  @SimTest(name = "TestUnreliableNet")
  @Points(5)
  void unreliableNet(Seed seed) {
    KvSrv1Setup ts = new KvSrv1Setup(seed.newSimulation(), false);
    ts.begin("One client");
    VersionedClerk ck = ts.makeClerk().recorded();
    boolean retried = false;
    for (int attempt = 0; attempt < NTRY; attempt++) {
      for (int i = 0; ; i++) {
        Err e = ts.await(ck.put("k", Integer.toString(i), attempt), "Put");
        if (e != Err.ErrMaybe) {
          if (i > 0 && e != Err.ErrVersion) {
            throw ts.fatal("Put shouldn't have happen more than once " + e);
          }
          break;
        }
        // Try the Put again; it should fail with ErrVersion.
        retried = true;
      }
      GetResult g = ts.await(ck.get("k"), "Get");
      if (g.version() != attempt + 1) {
        throw ts.fatal("Wrong version " + g.version() + " expect " + (attempt + 1));
      }
      if (!g.value().equals("0")) {
        throw ts.fatal("Wrong value " + g.value() + " expect 0");
      }
    }
    if (!retried) {
      throw ts.fatal("Clerk.Put never returned ErrMaybe");
    }
    ts.checkHistory(seed.testName(), seed.value());
    ts.end();
  }
}
