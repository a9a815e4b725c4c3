package simlab.netkv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Option;

/**
 * The closed-loop key/value workload of {@code bench real-kv} and of the etcd comparison, one code
 * for both so that the two figures measure the same thing: {@code --clients} clients each keep one
 * operation outstanding (a get with probability {@code --read-ratio}, else a put of {@code
 * --value-size} bytes, on keys drawn uniformly from {@code --keys}), issuing the next one from the
 * completion of the last, so no thread per client sits between the network and the clock. After
 * {@code --warmup} seconds it records every operation that starts and ends inside the {@code
 * --duration} window and reports throughput and latency percentiles. Wall-clock measurements: the
 * machine's load shows in them.
 */
public final class ClosedLoop {
  /** One client's asynchronous view of a store; its futures complete on any thread. */
  public interface Store {
    CompletableFuture<?> get(String key);

    CompletableFuture<?> put(String key, String value);
  }

  /** The workload's options, shared by the simlab and the etcd bench commands. */
  public static final class Options {
    @Option(
        names = "--clients",
        defaultValue = "8",
        description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    public int clients;

    @Option(
        names = "--value-size",
        defaultValue = "100",
        description = "Bytes per put (default: ${DEFAULT-VALUE}).")
    public int valueSize;

    @Option(
        names = "--read-ratio",
        defaultValue = "0.5",
        description = "Share of gets (default: ${DEFAULT-VALUE}).")
    public double readRatio;

    @Option(
        names = "--keys",
        defaultValue = "1000",
        description = "Distinct keys (default: ${DEFAULT-VALUE}).")
    public int keys;

    @Option(
        names = "--duration",
        defaultValue = "10",
        description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    public double durationSeconds;

    @Option(
        names = "--warmup",
        defaultValue = "3",
        description = "Unmeasured seconds first (default: ${DEFAULT-VALUE}).")
    public double warmupSeconds;

    /** The one-line complaint for out-of-range options, or null when they are fine. */
    public String problem() {
      if (clients < 1
          || clients > 256
          || valueSize < 0
          || valueSize > 1 << 20
          || keys < 1
          || !(readRatio >= 0)
          || readRatio > 1
          || !(durationSeconds > 0)
          || durationSeconds > 3600
          || !(warmupSeconds >= 0)
          || warmupSeconds > 3600) {
        return "expected --clients 1..256, --value-size 0..1048576, --keys >= 1, "
            + "--read-ratio 0..1, --duration 0..3600 s, --warmup 0..3600 s";
      }
      return null;
    }

    public String describe() {
      return String.format(
          Locale.ROOT,
          "%d clients, %d-byte values, %.0f%% reads, %d keys, %.1f s measured after %.1f s warm-up",
          clients,
          valueSize,
          readRatio * 100,
          keys,
          durationSeconds,
          warmupSeconds);
    }
  }

  /** What a run measured; {@code failure} is the first operation error, or null. */
  public record Result(long[] sortedLatencyNanos, double seconds, Throwable failure) {
    public double throughput() {
      return sortedLatencyNanos.length / seconds;
    }

    public double percentileMs(double p) {
      long[] s = sortedLatencyNanos;
      if (s.length == 0) {
        return 0;
      }
      int i = (int) Math.min(s.length - 1, Math.ceil(p * s.length) - 1);
      return s[Math.max(0, i)] / 1e6;
    }

    /** The lines both bench commands print (the comparison script reads them). */
    public void print(String workload, String target) {
      System.out.printf(Locale.ROOT, "workload: %s, %s%n", workload, target);
      System.out.printf(Locale.ROOT, "operations: %d%n", sortedLatencyNanos.length);
      System.out.printf(Locale.ROOT, "throughput: %.0f ops/s%n", throughput());
      System.out.printf(
          Locale.ROOT,
          "latency-ms: p50 %.2f p90 %.2f p99 %.2f p999 %.2f max %.2f%n",
          percentileMs(0.50),
          percentileMs(0.90),
          percentileMs(0.99),
          percentileMs(0.999),
          percentileMs(1.0));
    }
  }

  private ClosedLoop() {}

  /** Runs the workload with {@code stores.get(c)} as client c and waits until it is over. */
  public static Result run(Options o, List<Store> stores) throws InterruptedException {
    long start = System.nanoTime(); // wall-clock ok: a real-cluster benchmark
    long measureFrom = start + (long) (o.warmupSeconds * 1e9);
    long measureTo = measureFrom + (long) (o.durationSeconds * 1e9);
    CountDownLatch done = new CountDownLatch(stores.size());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Client> clients = new ArrayList<>();
    for (int c = 0; c < stores.size(); c++) {
      Client client = new Client(o, c, stores.get(c), measureFrom, measureTo, done, failure);
      clients.add(client);
      client.next();
    }
    long budget = (long) ((o.warmupSeconds + o.durationSeconds) * 1e9) + 120_000_000_000L;
    if (!done.await(budget, TimeUnit.NANOSECONDS)) {
      failure.compareAndSet(
          null, new IllegalStateException("clients still busy 120 s after the end"));
    }
    int total = 0;
    for (Client c : clients) {
      total += c.count;
    }
    long[] all = new long[total];
    int at = 0;
    for (Client c : clients) {
      System.arraycopy(c.latencies, 0, all, at, c.count);
      at += c.count;
    }
    Arrays.sort(all);
    return new Result(all, o.durationSeconds, failure.get());
  }

  /**
   * One client's loop. Its fields are touched by one operation's completion at a time, each
   * completion happening after the previous operation started (the future chain orders them).
   */
  private static final class Client {
    final Options o;
    final Store store;
    final SplittableRandom rnd;
    final String value;
    final long measureFrom;
    final long measureTo;
    final CountDownLatch done;
    final AtomicReference<Throwable> failure;
    long[] latencies = new long[1024];
    int count;

    Client(
        Options o,
        int me,
        Store store,
        long measureFrom,
        long measureTo,
        CountDownLatch done,
        AtomicReference<Throwable> failure) {
      this.o = o;
      this.store = store;
      this.rnd = new SplittableRandom(me * 7919L + 1);
      char[] filler = new char[o.valueSize];
      Arrays.fill(filler, (char) ('a' + me % 26));
      this.value = new String(filler);
      this.measureFrom = measureFrom;
      this.measureTo = measureTo;
      this.done = done;
      this.failure = failure;
    }

    void next() {
      long t0 = System.nanoTime(); // wall-clock ok: a real-cluster benchmark
      if (t0 >= measureTo || failure.get() != null) {
        done.countDown();
        return;
      }
      String key = "bench-" + rnd.nextInt(o.keys);
      boolean read = rnd.nextDouble() < o.readRatio;
      CompletableFuture<?> f;
      try {
        f = read ? store.get(key) : store.put(key, value);
      } catch (RuntimeException e) {
        f = CompletableFuture.failedFuture(e);
      }
      f.whenComplete(
          (r, err) -> {
            long t1 = System.nanoTime(); // wall-clock ok: a real-cluster benchmark
            if (err != null) {
              failure.compareAndSet(null, err);
            } else if (t0 >= measureFrom && t1 <= measureTo) {
              if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
              }
              latencies[count++] = t1 - t0;
            }
            next();
          });
    }
  }
}
