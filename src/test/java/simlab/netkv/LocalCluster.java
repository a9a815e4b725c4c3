package simlab.netkv;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import simlab.raft.Raft;

/**
 * A KV-on-Raft cluster inside one JVM for tests: real sockets on loopback (ports picked free by the
 * OS), one event loop per node, a data directory per node under a temporary directory. Nodes can be
 * stopped (as a crash) and started again from their data.
 */
final class LocalCluster implements AutoCloseable {
  final Path root;
  final NodeConfig config;
  final Map<String, KvNode> nodes = new LinkedHashMap<>();

  /** Exceptions thrown inside any node; a test asserts there were none. */
  final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());

  LocalCluster(Path root, int n) throws IOException, ConfigException {
    this.root = root;
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      lines.add("node." + i + " = 127.0.0.1:" + freePort());
    }
    lines.add("data.dir = data");
    lines.add("rpc.timeout.ms = 2000");
    this.config = NodeConfig.parse(root.resolve("cluster.properties"), lines);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Node {@code id}'s config: the shared one with its own data directory. */
  private NodeConfig configOf(String id) {
    return new NodeConfig(
        config.file(),
        config.nodes(),
        java.util.Optional.of(root.resolve("data-" + id)),
        config.maxRaftState(),
        config.rpcTimeout());
  }

  void startAll() throws ConfigException {
    for (String id : config.ids()) {
      start(id);
    }
  }

  void start(String id) throws ConfigException {
    nodes.put(id, KvNode.start(configOf(id), id, failures::add, line -> {}));
  }

  void stop(String id) {
    KvNode n = nodes.remove(id);
    if (n != null) {
      n.close();
    }
  }

  /**
   * Waits (bounded) until exactly one running node says it leads in the highest term; returns its
   * id.
   */
  String awaitLeader(Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      String leader = null;
      int term = -1;
      for (KvNode n : nodes.values()) {
        Raft.RaftState st = n.state();
        if (st.isLeader() && st.term() > term) {
          leader = n.id();
          term = st.term();
        }
      }
      if (leader != null) {
        return leader;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no leader among " + nodes.keySet() + " within " + within);
  }

  KvClient client(HistoryLog history) {
    return KvClient.connect(config, history);
  }

  @Override
  public void close() {
    for (String id : new ArrayList<>(nodes.keySet())) {
      stop(id);
    }
  }
}
