package simlab.etcdbench;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import simlab.netkv.ClosedLoop;

/**
 * The {@link ClosedLoop} workload against an etcd cluster through jetcd: one jetcd client (one
 * gRPC channel over the endpoints) shared by every bench client, as the simlab side shares one
 * client runtime. Gets are etcd's default linearizable reads (a ReadIndex round through the leader),
 * puts are plain puts: the same guarantees simlab's KV gives, whose gets go through its Raft log.
 */
@Command(
    name = "bench real-etcd (etcd side)",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Closed-loop KV workload against etcd; prints throughput and latency percentiles.",
    footer = {"", "Exit status: 0 done, 1 an operation failed, 2 bad option."})
public final class EtcdBench implements Callable<Integer> {
  @Option(
      names = "--endpoints",
      required = true,
      split = ",",
      paramLabel = "URL",
      description = "etcd client URLs, comma-separated (http://127.0.0.1:2379,...).")
  List<String> endpoints;

  @Mixin ClosedLoop.Options workload;

  @Override
  public Integer call() throws Exception {
    String problem = workload.problem();
    if (problem != null) {
      System.err.println("bench real-etcd: " + problem);
      return 2;
    }
    ClosedLoop.Result result;
    try (Client client = Client.builder().endpoints(endpoints.toArray(String[]::new)).build()) {
      KV kv = client.getKVClient();
      // One put first: connects the channel and fails fast when no endpoint answers.
      kv.put(bytes("bench-probe"), bytes("")).get(30, TimeUnit.SECONDS);
      List<ClosedLoop.Store> stores = new ArrayList<>();
      for (int c = 0; c < workload.clients; c++) {
        stores.add(
            new ClosedLoop.Store() {
              @Override
              public CompletableFuture<?> get(String key) {
                return kv.get(bytes(key));
              }

              @Override
              public CompletableFuture<?> put(String key, String value) {
                return kv.put(bytes(key), bytes(value));
              }
            });
      }
      result = ClosedLoop.run(workload, stores);
    }
    result.print(workload.describe(), "etcd cluster " + String.join(", ", endpoints));
    if (result.failure() != null) {
      System.err.println("bench real-etcd: stopped early: " + result.failure());
      return 1;
    }
    return 0;
  }

  private static ByteSequence bytes(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new EtcdBench()).setExitCodeExceptionMapper(t -> 1).execute(args));
  }
}
