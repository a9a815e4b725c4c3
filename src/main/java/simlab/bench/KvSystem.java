package simlab.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import simlab.harness.Implementations;
import simlab.harness.KvCluster;
import simlab.harness.KvCluster.ClerkHandle;
import simlab.harness.RaftImplementation;
import simlab.kv.KvService;
import simlab.kv.ReferenceKv;
import simlab.nemesis.KvTarget;
import simlab.nemesis.NemesisTarget;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;

/**
 * Lab 4's KV service on Raft ({@code -Dsim.kv} / {@code -Dsim.raft} select other implementations,
 * the reference by default). Each client process is a clerk node that can reach every server; a
 * retired clerk is crashed, so it stops retrying its abandoned operation in the background.
 */
final class KvSystem implements BenchSystem {
  private final KvTarget target;

  KvSystem(Simulation sim, int servers, boolean unreliable, int maxRaftState) {
    this.target =
        KvTarget.create(
            sim,
            servers,
            unreliable,
            maxRaftState,
            Implementations.load(KvService.class, "sim.kv", new ReferenceKv()),
            RaftImplementation.load());
  }

  @Override
  public Simulation sim() {
    return target.sim();
  }

  @Override
  public NemesisTarget target() {
    return target;
  }

  @Override
  public boolean keyValue() {
    return true;
  }

  @Override
  public BenchClient newClient() {
    KvCluster c = target.cluster();
    ClerkHandle ck = c.makeClient(c.all());
    return new BenchClient() {
      @Override
      public int process() {
        return ck.index();
      }

      @Override
      public SimFuture<String> invoke(String op, String key, String value) {
        SimFuture<String> done = new SimFuture<>();
        switch (op) {
          case "get" -> c.get(ck, key).onComplete(done::complete);
          case "put" -> c.put(ck, key, value).onComplete(v -> done.complete(null));
          case "append" -> c.append(ck, key, value).onComplete(v -> done.complete(null));
          default -> throw new IllegalArgumentException("kv has no operation " + op);
        }
        return done;
      }

      @Override
      public void retire() {
        sim().crash(ck.id());
      }
    };
  }

  @Override
  public String writeAndCheck(List<OpRecord> ops, Path file, long checkTimeoutMs)
      throws IOException {
    return KvHistoryCheck.writeAndCheck(ops, file, checkTimeoutMs);
  }

  @Override
  public void finish() {
    target.fullCheck();
  }
}
