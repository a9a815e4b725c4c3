package simlab.bench;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;

/**
 * Issues the benchmark's operations and records each one. Closed loop: {@code clients} processes,
 * each issuing its next operation {@code think} after the previous one ended. Open loop: one
 * operation every 1/rate virtual seconds whatever happened to the earlier ones, each on an idle
 * process from a pool that grows when none is idle. An operation not done within {@code timeout}
 * fails: the driver records it, retires its process and continues on a fresh one. Nothing is issued
 * at or after {@code duration}.
 *
 * <p>Operations draw from the stream {@code bench:ops}: a get with probability {@code readRatio},
 * else a put or an append (even odds) of a value unique to the operation, padded to {@code
 * valueSize} characters, on key {@code k0..k<keys-1>}.
 */
final class LoadDriver {
  private final BenchSystem system;
  private final BenchParams p;
  private final Simulation sim;
  private final RandomGenerator random;
  private final List<OpRecord> records = new ArrayList<>();
  private final Deque<BenchClient> idle = new ArrayDeque<>();
  private long t0;
  private long endNanos;
  private int inFlight;
  private long seq;

  LoadDriver(BenchSystem system, BenchParams p) {
    this.system = system;
    this.p = p;
    this.sim = system.sim();
    this.random = sim.random("bench:ops");
  }

  /** Starts issuing now; times in the records are relative to this instant. */
  void start() {
    t0 = sim.nowNanos();
    endNanos = t0 + p.durationMs() * 1_000_000L;
    if (p.rate() > 0) {
      tick(0);
    } else {
      for (int c = 0; c < p.clients(); c++) {
        loop(system.newClient());
      }
    }
  }

  long startNanos() {
    return t0;
  }

  /** Every operation issued has ended (succeeded or timed out). */
  boolean quiet() {
    return inFlight == 0;
  }

  List<OpRecord> records() {
    return records;
  }

  private void loop(BenchClient c) {
    if (sim.nowNanos() >= endNanos) {
      return;
    }
    issue(
        c,
        ok -> {
          BenchClient next = ok ? c : system.newClient();
          if (p.thinkMs() == 0) {
            loop(next);
          } else {
            sim.schedule(Duration.ofMillis(p.thinkMs()), () -> loop(next));
          }
        });
  }

  private void tick(long k) {
    long at = t0 + Math.round(k * 1e9 / p.rate());
    if (at >= endNanos) {
      return;
    }
    sim.schedule(
        Duration.ofNanos(at - sim.nowNanos()),
        () -> {
          BenchClient c = idle.isEmpty() ? system.newClient() : idle.pollFirst();
          issue(
              c,
              ok -> {
                if (ok) {
                  idle.addLast(c);
                }
              });
          tick(k + 1);
        });
  }

  private interface Done {
    void ended(boolean ok);
  }

  private void issue(BenchClient c, Done then) {
    String key = "k" + random.nextInt(p.keys());
    String op;
    String value = null;
    if (system.keyValue() && random.nextDouble() < p.readRatio()) {
      op = "get";
    } else {
      op = system.keyValue() ? (random.nextBoolean() ? "put" : "append") : "start";
      value = value(c.process(), ++seq);
    }
    long call = sim.nowNanos();
    inFlight++;
    boolean[] over = {false};
    String v = value;
    SimFuture<String> f = c.invoke(op, system.keyValue() ? key : "log", value);
    var timer =
        sim.schedule(
            Duration.ofMillis(p.timeoutMs()),
            () -> {
              if (!over[0]) {
                over[0] = true;
                inFlight--;
                records.add(
                    new OpRecord(
                        c.process(), op, key, v, null, call - t0, sim.nowNanos() - t0, false));
                c.retire();
                then.ended(false);
              }
            });
    f.onComplete(
        out -> {
          if (!over[0]) {
            over[0] = true;
            timer.cancel();
            inFlight--;
            records.add(
                new OpRecord(c.process(), op, key, v, out, call - t0, sim.nowNanos() - t0, true));
            then.ended(true);
          }
        });
  }

  /**
   * Unique per operation; for raft a bare integer (the command), for kv padded to the value size.
   */
  private String value(int process, long n) {
    if (!system.keyValue()) {
      return String.valueOf(n);
    }
    StringBuilder b = new StringBuilder("c").append(process).append('.').append(n).append(';');
    while (b.length() < p.valueSize()) {
      b.insert(b.length() - 1, '-');
    }
    return b.toString();
  }
}
