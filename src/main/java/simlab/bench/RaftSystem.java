package simlab.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import simlab.harness.RaftImplementation;
import simlab.nemesis.NemesisTarget;
import simlab.nemesis.RaftTarget;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;

/**
 * Lab 3's Raft alone. A client process proposes a unique integer command through {@link Raft#start}
 * (trying servers round-robin, from the one that last accepted) and succeeds when some server
 * applies that command at the index the leader gave it; if another command lands there, or nothing
 * is applied within {@link #REPROPOSE}, it proposes again. Applies are observed by wrapping each
 * peer's apply channel, so latency is exact (no polling).
 *
 * <p>Raft commands carry no reads, so the check is the one linearizability asks of a log: if
 * command A was acknowledged before command B was proposed, A's first index in the committed log is
 * below B's.
 */
final class RaftSystem implements BenchSystem {
  static final Duration NO_LEADER_RETRY = Duration.ofMillis(10);
  static final Duration REPROPOSE = Duration.ofSeconds(2);

  private final RaftTarget target;
  private final int n;
  private final Map<Integer, List<Runnable>> waiting = new TreeMap<>();
  private final Map<Integer, Object> committed = new TreeMap<>();
  private final Map<Integer, Integer> firstIndex = new LinkedHashMap<>();
  private int nextCommand;
  private int processes;

  RaftSystem(Simulation sim, int servers, boolean reliable) {
    RaftFactory base = RaftImplementation.load();
    RaftFactory observed =
        (ctx, peers, me, applyCh) ->
            base.make(
                ctx,
                peers,
                me,
                m -> {
                  applyCh.accept(m);
                  applied(m);
                });
    this.target = RaftTarget.create(sim, servers, reliable, false, observed);
    this.n = servers;
  }

  private void applied(ApplyMsg m) {
    if (!(m instanceof ApplyMsg.Command c)) {
      return;
    }
    if (committed.putIfAbsent(c.index(), c.command()) == null
        && c.command() instanceof Integer cmd) {
      firstIndex.putIfAbsent(cmd, c.index());
    }
    List<Runnable> w = waiting.remove(c.index());
    if (w != null) {
      w.forEach(Runnable::run);
    }
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
    return false;
  }

  @Override
  public BenchClient newClient() {
    int process = processes++;
    return new BenchClient() {
      int guess = process % n;
      boolean retired;

      @Override
      public int process() {
        return process;
      }

      @Override
      public SimFuture<String> invoke(String op, String key, String value) {
        SimFuture<String> done = new SimFuture<>();
        propose(++nextCommand, done);
        return done;
      }

      private void propose(int cmd, SimFuture<String> done) {
        if (retired || done.isDone()) {
          return;
        }
        for (int k = 0; k < n; k++) {
          int i = (guess + k) % n;
          Raft rf = target.cluster().raft(i);
          if (rf == null) {
            continue;
          }
          Raft.StartResult r = rf.start(cmd);
          if (r.isLeader()) {
            guess = i;
            int index = r.index();
            long since = sim().nowNanos();
            waiting
                .computeIfAbsent(index, x -> new ArrayList<>())
                .add(
                    () -> {
                      if (Integer.valueOf(cmd).equals(committed.get(index))) {
                        done.complete(String.valueOf(index));
                      } else {
                        propose(cmd, done);
                      }
                    });
            sim()
                .schedule(
                    REPROPOSE,
                    () -> {
                      if (!done.isDone() && sim().nowNanos() - since >= REPROPOSE.toNanos()) {
                        propose(cmd, done);
                      }
                    });
            return;
          }
        }
        sim().schedule(NO_LEADER_RETRY, () -> propose(cmd, done));
      }

      @Override
      public void retire() {
        retired = true;
      }
    };
  }

  /**
   * Writes one line per operation ({@code
   * {"client":..,"command":..,"index":..,"call":..,"return":..}}, return null for a command given
   * up on) and checks the log order against real time.
   */
  @Override
  public String writeAndCheck(List<OpRecord> ops, Path file, long checkTimeoutMs)
      throws IOException {
    List<OpRecord> sorted = new ArrayList<>(ops);
    sorted.sort(Comparator.comparingLong(OpRecord::callNanos).thenComparingInt(OpRecord::process));
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (OpRecord o : sorted) {
        Integer idx = firstIndex.get(Integer.valueOf(o.value()));
        w.write(
            "{\"client\":"
                + o.process()
                + ",\"command\":"
                + o.value()
                + ",\"index\":"
                + idx
                + ",\"call\":"
                + o.callNanos()
                + ",\"return\":"
                + (o.ok() ? String.valueOf(o.endNanos()) : "null")
                + "}\n");
      }
    }
    String problem = LogOrder.check(sorted, cmd -> firstIndex.get(Integer.valueOf(cmd)));
    long acked = ops.stream().filter(OpRecord::ok).count();
    return problem == null
        ? "ok (log order respects real time for " + acked + " acknowledged commands)"
        : "VIOLATED: " + problem;
  }

  @Override
  public void finish() {
    target.cluster().monitor().fullCheck();
  }
}
