package simlab.netkv;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import simlab.kv.Op;
import simlab.net.NetRuntime;

/**
 * {@code test-scripts/bench real-kv}: the {@link ClosedLoop} workload against a running simlab
 * cluster. Every client is a {@link NetClerk} (its own client id, sequence numbers and leader
 * guess) on one shared client runtime, whose event loop also issues each client's next operation:
 * the simlab side of the etcd comparison, where the etcd clients share one jetcd client the same
 * way.
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

  @Mixin ClosedLoop.Options workload;

  @Override
  public Integer call() throws Exception {
    String problem = workload.problem();
    if (problem != null) {
      System.err.println("bench real-kv: " + problem);
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
    NetRuntime.Options options =
        new NetRuntime.Options("bench-client", cfg.resolved(), false, cfg.rpcTimeout(), t -> {});
    NetRuntime rt = NetRuntime.start(options, new simlab.sim.Persister(), ctx -> null).runtime();
    ClosedLoop.Result result;
    try {
      List<ClosedLoop.Store> stores = new ArrayList<>();
      for (int c = 0; c < workload.clients; c++) {
        NetClerk clerk = new NetClerk(rt, cfg.ids());
        stores.add(
            new ClosedLoop.Store() {
              @Override
              public java.util.concurrent.CompletableFuture<?> get(String key) {
                return clerk.submit(Op.GET, key, "", timeout);
              }

              @Override
              public java.util.concurrent.CompletableFuture<?> put(String key, String value) {
                return clerk.submit(Op.PUT, key, value, timeout);
              }
            });
      }
      result = ClosedLoop.run(workload, stores);
    } finally {
      rt.close();
    }
    result.print(workload.describe(), "simlab cluster " + cfg.describeNodes());
    if (result.failure() != null) {
      System.err.println("bench real-kv: stopped early: " + result.failure().getMessage());
      return 1;
    }
    return 0;
  }

  public static void main(String[] args) {
    System.exit(
        new CommandLine(new RealKvBench()).setExitCodeExceptionMapper(t -> 1).execute(args));
  }
}
