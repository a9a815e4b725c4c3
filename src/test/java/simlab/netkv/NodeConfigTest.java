package simlab.netkv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigTest {
  @TempDir Path dir;

  private String error(String... lines) {
    Path f = dir.resolve("node.properties");
    return assertThrows(ConfigException.class, () -> NodeConfig.parse(f, List.of(lines)))
        .getMessage();
  }

  @Test
  void aGoodFileListsNodesInIdOrderAndResolvesTheDataDirectory() throws Exception {
    Path f = dir.resolve("conf/node2.properties");
    NodeConfig c =
        NodeConfig.parse(
            f,
            List.of(
                "# a comment",
                "",
                "node.10 = 127.0.0.1:7110",
                "node.2 = 127.0.0.1:7102  # inline comment",
                "node.1: localhost:7101",
                "data.dir = ../data/2",
                "rpc.timeout.ms = 250",
                "max.raft.state = -1"));
    assertEquals(List.of("1", "2", "10"), c.ids());
    assertEquals(dir.resolve("data/2").toAbsolutePath().normalize(), c.dataDir().orElseThrow());
    assertEquals(Duration.ofMillis(250), c.rpcTimeout());
    assertEquals(-1, c.maxRaftState());
    assertEquals(7110, c.nodes().get("10").getPort());
  }

  @Test
  void malformedLinesAreReportedWithFileAndLine() {
    String f = dir.resolve("node.properties").toString();
    assertEquals(
        f
            + ":2: expected KEY = VALUE (keys: node.ID, data.dir, max.raft.state, rpc.timeout.ms) but found "
            + "\"node.2 127.0.0.1:7102\"",
        error("node.1 = 127.0.0.1:7101", "node.2 127.0.0.1:7102"));
    assertEquals(
        f + ":1: expected node.1 = HOST:PORT (for example 127.0.0.1:7101) but found \"127.0.0.1\"",
        error("node.1 = 127.0.0.1"));
    assertEquals(
        f + ":1: expected a port from 1 to 65535 in node.1 but found 70000",
        error("node.1 = h:70000"));
    assertEquals(
        f + ":2: unknown key datadir (keys: node.ID, data.dir, max.raft.state, rpc.timeout.ms)",
        error("node.1 = 127.0.0.1:7101", "datadir = x"));
    assertEquals(
        f + ":2: expected rpc.timeout.ms to be an integer from 1 to 600000 but found \"soon\"",
        error("node.1 = 127.0.0.1:7101", "rpc.timeout.ms = soon"));
    assertEquals(
        f + ":1: expected node.ID with an ID of letters, digits, '_' or '-' but found node.a/b",
        error("node.a/b = 127.0.0.1:7101"));
    assertEquals(f + ":1: expected a value for data.dir", error("data.dir ="));
  }

  @Test
  void inconsistentFilesAreReported() {
    String f = dir.resolve("node.properties").toString();
    assertEquals(
        f + ":3: node.3 has the address 127.0.0.1:7101, already used by node.1 on line 1",
        error("node.1 = 127.0.0.1:7101", "node.2 = 127.0.0.1:7102", "node.3 = 127.0.0.1:7101"));
    assertEquals(
        f + ":2: node.1 is set twice (first on line 1)",
        error("node.1 = 127.0.0.1:7101", "node.1 = 127.0.0.1:7102"));
    assertEquals(
        f + ": lists no nodes; expected lines like node.1 = 127.0.0.1:7101", error("data.dir = d"));
  }

  @Test
  void aServerNeedsItsIdListedAndADataDirectory() throws Exception {
    Path f = dir.resolve("n.properties");
    NodeConfig c =
        NodeConfig.parse(f, List.of("node.1 = 127.0.0.1:7101", "node.2 = 127.0.0.1:7102"));
    assertEquals(
        f + ": node 3 is not listed; the file lists node.1, node.2",
        assertThrows(ConfigException.class, () -> c.requireNode("3")).getMessage());
    assertEquals(
        f + ": missing data.dir = PATH (the directory where node 1 keeps its Raft state)",
        assertThrows(ConfigException.class, () -> c.requireDataDir("1")).getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    Path f = dir.resolve("missing.properties");
    assertEquals(
        f + ": no such file",
        assertThrows(ConfigException.class, () -> NodeConfig.load(f)).getMessage());
  }

  @Test
  void loadReadsTheFile() throws Exception {
    Path f = dir.resolve("n.properties");
    Files.writeString(f, "node.a = 127.0.0.1:1\nnode.b = [::1]:2\n");
    assertEquals(List.of("a", "b"), NodeConfig.load(f).ids());
  }
}
