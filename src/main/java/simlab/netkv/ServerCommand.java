package simlab.netkv;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import simlab.net.NetException;

/**
 * {@code simlab server --config FILE --id ID}: runs one KV-on-Raft node until SIGTERM (or kill -9).
 */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Run one node of a KV-on-Raft cluster. It keeps its Raft state and snapshots in the "
            + "config's data.dir and restarts from them; stop it with SIGTERM, crash it with kill -9.",
    footer = {
      "",
      "Exit status: 0 stopped by a signal, 1 the node failed (cannot listen, corrupt data, "
          + "an error inside the node), 2 bad option or configuration file."
    })
public final class ServerCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "This node's configuration file.")
  Path config;

  @Option(
      names = "--id",
      required = true,
      paramLabel = "ID",
      description = "Which node of the file this is.")
  String id;

  @Spec CommandSpec spec;

  private void error(String message) {
    spec.commandLine().getErr().println("simlab server: " + message);
    spec.commandLine().getErr().flush();
  }

  @Override
  public Integer call() {
    NodeConfig cfg;
    try {
      cfg = NodeConfig.load(config);
      cfg.requireNode(id);
      cfg.requireDataDir(id);
    } catch (ConfigException e) {
      error(e.getMessage());
      return 2;
    }
    KvNode node;
    try {
      node =
          KvNode.start(
              cfg,
              id,
              t -> {
                // Crash-stop, as Raft assumes: whatever the node saved is on disk; restart it from
                // there.
                System.err.println("simlab server: node " + id + " failed: " + t + "; stopping");
                System.err.flush();
                Runtime.getRuntime().halt(1);
              },
              line -> System.out.println(line));
    } catch (ConfigException e) {
      error(e.getMessage());
      return 2;
    } catch (NetException e) {
      error(e.getMessage());
      return 1;
    }
    System.out.println(
        "node "
            + id
            + " listening on "
            + hostPort(node)
            + ", data in "
            + cfg.dataDir().orElseThrow()
            + ", cluster "
            + cfg.describeNodes());
    System.out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.close();
                  System.out.println("node " + id + " stopped");
                  System.out.flush();
                  stopped.countDown();
                },
                "simlab-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static String hostPort(KvNode node) {
    java.net.InetSocketAddress a = node.runtime().boundAddress();
    return a.getHostString() + ":" + a.getPort();
  }
}
