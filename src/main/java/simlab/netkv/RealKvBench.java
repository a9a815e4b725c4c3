package simlab.netkv;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import simlab.kv.Op;

/**
 * {@code test-scripts/bench real-kv}: a closed-loop workload against a running cluster. Each client
 * is a thread with its own {@link KvClient} (own event loop and connections) that issues one
 * operation at a time: a get with probability {@code --read-ratio}, else a put of {@code
 * --value-size} bytes, on keys drawn uniformly from {@code --keys}. After a warm-up, it counts
 * completed operations and records each latency; it prints throughput and latency percentiles.
 * Wall-clock measurements: the machine's load shows in them.
 */
@Command(
    name = "bench real-kv",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Closed-loop KV workload against a running cluster; prints throughput and latency percentiles.",
    footer = {
      "",
      "Exit status: 0 done, 1 an operation found no leader, 2 bad option or configuration file."
    })
public final class RealKvBench implements Callable<Integer> {
  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "The cluster's client config.")
  Path config;

  @Option(
      names = "--clients",
      defaultValue = "8",
      description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--value-size",
      defaultValue = "100",
      description = "Bytes per put (default: ${DEFAULT-VALUE}).")
  int valueSize;

  @Option(
      names = "--read-ratio",
      defaultValue = "0.5",
      description = "Share of gets (default: ${DEFAULT-VALUE}).")
  double readRatio;

  @Option(
      names = "--keys",
      defaultValue = "1000",
      description = "Distinct keys (default: ${DEFAULT-VALUE}).")
  int keys;

  @Option(
      names = "--duration",
      defaultValue = "10",
      description = "Measured seconds (default: ${DEFAULT-VALUE}).")
  double durationSeconds;

  @Option(
      names = "--warmup",
      defaultValue = "3",
      description = "Unmeasured seconds first (default: ${DEFAULT-VALUE}).")
  double warmupSeconds;

  @Override
  public Integer call() throws Exception {
    if (clients < 1
        || clients > 256
        || valueSize < 0
        || valueSize > 1 << 20
        || keys < 1
        || !(readRatio >= 0)
        || readRatio > 1
        || !(durationSeconds > 0)
        || durationSeconds > 3600
        || !(warmupSeconds >= 0)) {
      System.err.println(
          "bench real-kv: expected --clients 1..256, --value-size 0..1048576, --keys >= 1, "
              + "--read-ratio 0..1, --duration 0..3600 s, --warmup >= 0");
      return 2;
    }
    NodeConfig cfg;
    try {
      cfg = NodeConfig.load(config);
    } catch (ConfigException e) {
      System.err.println("bench real-kv: " + e.getMessage());
      return 2;
    }
    Duration timeout = Duration.ofSeconds(30);
    // slf4j initialises on first use; doing it here, before the client threads, keeps it from
    // replaying their first log calls with a warning.
    simlab.logging.Logs.get(RealKvBench.class);
    long start = System.nanoTime(); // wall-clock ok: a real-cluster benchmark
    long measureFrom = start + (long) (warmupSeconds * 1e9);
    long measureTo = measureFrom + (long) (durationSeconds * 1e9);
    List<long[]> latencies = new ArrayList<>();
    int[] counts = new int[clients];
    AtomicLong failures = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int me = c;
      long[] mine = new long[1 << 20];
      latencies.add(mine);
      Thread t =
          new Thread(
              () -> {
                SplittableRandom rnd = new SplittableRandom(me * 7919L + 1);
                char[] filler = new char[valueSize];
                Arrays.fill(filler, (char) ('a' + me % 26));
                String value = new String(filler);
                try (KvClient client = KvClient.connect(cfg, null)) {
                  while (true) {
                    long t0 = System.nanoTime(); // wall-clock ok: a real-cluster benchmark
                    if (t0 >= measureTo) {
                      break;
                    }
                    String key = "bench-" + rnd.nextInt(keys);
                    boolean read = rnd.nextDouble() < readRatio;
                    client.run(read ? Op.GET : Op.PUT, key, read ? "" : value, timeout);
                    long t1 = System.nanoTime(); // wall-clock ok: a real-cluster benchmark
                    if (t0 >= measureFrom && t1 <= measureTo && counts[me] < mine.length) {
                      mine[counts[me]++] = t1 - t0;
                    }
                  }
                } catch (NoLeaderException e) {
                  failures.incrementAndGet();
                }
              },
              "bench-client-" + c);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
      at += counts[c];
    }
    Arrays.sort(all);
    System.out.printf(
        Locale.ROOT,
        "workload: %d clients, %d-byte values, %.0f%% reads, %d keys, %.1f s measured "
            + "after %.1f s warm-up, cluster %s%n",
        clients,
        valueSize,
        readRatio * 100,
        keys,
        durationSeconds,
        warmupSeconds,
        cfg.describeNodes());
    System.out.printf(Locale.ROOT, "operations: %d%n", total);
    System.out.printf(Locale.ROOT, "throughput: %.0f ops/s%n", total / durationSeconds);
    System.out.printf(
        Locale.ROOT,
        "latency-ms: p50 %.2f p90 %.2f p99 %.2f max %.2f%n",
        pct(all, 0.50),
        pct(all, 0.90),
        pct(all, 0.99),
        total == 0 ? 0.0 : all[total - 1] / 1e6);
    if (failures.get() > 0) {
      System.err.println(
          "bench real-kv: " + failures.get() + " clients stopped: no leader within 30 s");
      return 1;
    }
    return 0;
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  public static void main(String[] args) {
    System.exit(
        new CommandLine(new RealKvBench()).setExitCodeExceptionMapper(t -> 1).execute(args));
  }
}
