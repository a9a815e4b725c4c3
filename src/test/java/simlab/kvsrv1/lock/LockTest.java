package simlab.kvsrv1.lock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import simlab.harness.Implementations;
import simlab.harness.KvSrv1Setup;
import simlab.kvsrv1.ClientLoop1;
import simlab.kvsrv1.ClntRes;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.KvSrv1Service;
import simlab.kvsrv1.KvTest1;
import simlab.kvsrv1.ReferenceKvSrv1;
import simlab.kvsrv1.VersionedClerk;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;
import simlab.testing.Points;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/**
 * Lab 2's lock (6.5840 2025 {@code kvsrv1/lock/lock_test.go}; TestReliableBasic and
 * TestReliableNested are 2026's). The loop tests: 1 or {@link #NCLNT} clients, each looping for
 * {@link #NSEC}: Acquire; Get("l0") must be ""; Put(me); sleep 10 ms; Put(""); Release. Two clients
 * inside the lock at once show up as a non-empty "l0".
 */
@Tag("2025-2")
class LockTest {
  static final int NCLNT = 10;
  static final Duration NSEC = Duration.ofSeconds(2);
  static final Duration HOLD = Duration.ofMillis(10);

  private static KvSrv1Service service() {
    return Implementations.load(KvSrv1Service.class, "sim.kvsrv1", new ReferenceKvSrv1());
  }

  private static Lock lock(KvSrv1Service svc, VersionedClerk ck, String key, int me) {
    return svc.makeLock(ck, key, "client-" + me);
  }

  @SimTest(name = "TestReliableBasic")
  @Points(5)
  void reliableBasic(Seed seed) {
    KvSrv1Setup ts = new KvSrv1Setup(seed.newSimulation(), true);
    ts.begin("Test: a single Acquire and Release");
    VersionedClerk ck = ts.makeClerk().bare();
    Lock lk = lock(service(), ck, "l", 0);
    ts.await(lk.acquire(), "Acquire");
    ts.await(lk.release(), "Release");
    // The lock must be free again: a second user gets it.
    Lock other = lock(service(), ts.makeClerk().bare(), "l", 1);
    ts.await(other.acquire(), "Acquire by a second client after Release");
    ts.await(other.release(), "Release");
    ts.end();
  }

  @SimTest(name = "TestReliableNested")
  @Points(5)
  void reliableNested(Seed seed) {
    KvSrv1Setup ts = new KvSrv1Setup(seed.newSimulation(), true);
    ts.begin("Test: one client holds two locks at once");
    KvSrv1Service svc = service();
    VersionedClerk ck = ts.makeClerk().bare();
    VersionedClerk rival = ts.makeClerk().bare();
    Lock a = lock(svc, ck, "la", 0);
    Lock b = lock(svc, ck, "lb", 0);
    Lock ra = lock(svc, rival, "la", 1);
    Lock rb = lock(svc, rival, "lb", 1);
    // Each order of taking and giving up the two locks; while client 0 holds a lock the rival's
    // Acquire of it must not complete, and once it is released the rival's must.
    int[][] orders = {{0, 1, 0, 1}, {0, 1, 1, 0}, {1, 0, 0, 1}, {1, 0, 1, 0}};
    for (int[] o : orders) {
      Lock[] mine = {a, b};
      Lock[] theirs = {ra, rb};
      ts.await(mine[o[0]].acquire(), "Acquire");
      ts.await(mine[o[1]].acquire(), "Acquire of a second lock");
      for (int k = 0; k < 2; k++) {
        int l = o[2 + k];
        SimFuture<Void> r = theirs[l].acquire();
        ts.runFor(Duration.ofMillis(100));
        if (r.isDone()) {
          throw ts.fatal("a second client acquired lock " + (l == 0 ? "la" : "lb") + " while held");
        }
        ts.await(mine[l].release(), "Release");
        ts.await(r, "Acquire after the holder released");
        ts.await(theirs[l].release(), "Release");
      }
    }
    ts.end();
  }

  /** One lock client: Acquire; Get("l0") == ""; Put(me); 10 ms; Put(""); Release. */
  private static ClientLoop1 oneClient(
      KvSrv1Setup ts, KvSrv1Service svc, int me, VersionedClerk ck) {
    Simulation sim = ts.sim();
    Lock lk = lock(svc, ck, "l", me);
    String b = Integer.toString(me);
    return new ClientLoop1() {
      private int rounds;

      @Override
      protected SimFuture<?> step() {
        SimFuture<Void> done = new SimFuture<>();
        lk.acquire()
            .onComplete(
                x ->
                    ck.get("l0")
                        .onComplete(
                            g -> {
                              if (g.err() != Err.OK) {
                                fail(me + ": get failed " + g.err());
                                done.complete(null);
                              } else if (!g.value().isEmpty()) {
                                fail(me + ": two clients acquired lock " + g.value());
                                done.complete(null);
                              } else {
                                inside(g.version(), done);
                              }
                            }));
        return done;
      }

      private void inside(long ver, SimFuture<Void> done) {
        ck.put("l0", b, ver)
            .onComplete(
                e -> {
                  if (e != Err.OK && e != Err.ErrMaybe) {
                    fail(me + ": put failed " + e);
                    done.complete(null);
                    return;
                  }
                  sim.schedule(
                      HOLD,
                      () ->
                          ck.put("l0", "", ver + 1)
                              .onComplete(
                                  e2 -> {
                                    if (e2 != Err.OK && e2 != Err.ErrMaybe) {
                                      fail(me + ": put failed " + e2);
                                      done.complete(null);
                                      return;
                                    }
                                    rounds++;
                                    lk.release().onComplete(y -> done.complete(null));
                                  }));
                });
      }

      @Override
      protected ClntRes counted() {
        return new ClntRes(rounds, 0);
      }
    };
  }

  private static void runClients(Seed seed, int nclnt, boolean reliable) {
    KvSrv1Setup ts = new KvSrv1Setup(seed.newSimulation(), reliable);
    ts.begin("Test: " + nclnt + " lock clients (" + (reliable ? "" : "un") + "reliable network)");
    KvSrv1Service svc = service();
    VersionedClerk init = ts.makeClerk().bare();
    Err e = ts.await(init.put("l0", "", 0), "Put");
    if (e != Err.OK && e != Err.ErrMaybe) {
      throw ts.fatal("Put(l0) failed " + e);
    }
    List<VersionedClerk> cks = new ArrayList<>();
    for (int i = 0; i < nclnt; i++) {
      cks.add(ts.makeClerk().bare());
    }
    List<ClntRes> rs =
        KvTest1.runClients(ts.sim(), nclnt, NSEC, me -> oneClient(ts, svc, me, cks.get(me)));
    int rounds = rs.stream().mapToInt(ClntRes::nOk).sum();
    if (rounds == 0) {
      throw ts.fatal("no client got through the lock in " + NSEC.toSeconds() + " s");
    }
    ts.end();
  }

  @SimTest(name = "TestOneClientReliable")
  @Points(5)
  void oneClientReliable(Seed seed) {
    runClients(seed, 1, true);
  }

  @SimTest(name = "TestManyClientsReliable")
  @Points(5)
  void manyClientsReliable(Seed seed) {
    runClients(seed, NCLNT, true);
  }

  @SimTest(name = "TestOneClientUnreliable")
  @Points(5)
  void oneClientUnreliable(Seed seed) {
    runClients(seed, 1, false);
  }

  @SimTest(name = "TestManyClientsUnreliable")
  @Points(5)
  void manyClientsUnreliable(Seed seed) {
    runClients(seed, NCLNT, false);
  }
}
