package simlab.netkv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The simlab server and client commands on bad input: one line naming what was wrong, exit 2 (or 1
 * for no leader).
 */
class SimlabCommandTest {
  @TempDir Path dir;
  Path config;
  final StringWriter err = new StringWriter();
  final ByteArrayOutputStream clientOut = new ByteArrayOutputStream();
  final ByteArrayOutputStream clientErr = new ByteArrayOutputStream();

  @BeforeEach
  void writeConfig() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nobody listens there
    }
    config = dir.resolve("client.properties");
    Files.writeString(config, "node.1 = 127.0.0.1:" + port + "\n");
  }

  private int run(String... args) {
    CommandLine cl = SimlabMain.commandLine();
    cl.setErr(new PrintWriter(err, true));
    for (CommandLine sub : cl.getSubcommands().values()) {
      sub.setErr(new PrintWriter(err, true));
    }
    return cl.execute(args);
  }

  private int client(String... args) {
    ClientCommand cmd =
        new ClientCommand(
            new PrintStream(clientOut, true, StandardCharsets.UTF_8),
            new PrintStream(clientErr, true, StandardCharsets.UTF_8));
    CommandLine cl = new CommandLine(cmd);
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.write(ex.getMessage());
          return 2;
        });
    return cl.execute(args);
  }

  private String clientErr() {
    return clientErr.toString(StandardCharsets.UTF_8);
  }

  @Test
  void badCommandsExitTwoWithOneLine() {
    assertEquals(2, client("--config", config.toString(), "frobnicate", "k"));
    assertEquals(
        "simlab client: unknown command 'frobnicate'; " + ClientInput.USAGE + "\n", clientErr());
    clientErr.reset();
    assertEquals(2, client("--config", config.toString(), "get"));
    assertEquals("simlab client: get: expected get KEY, found 0 arguments\n", clientErr());
    clientErr.reset();
    assertEquals(2, client("--config", config.toString(), "put", "k"));
    assertEquals("simlab client: put: expected put KEY VALUE, found 1 argument\n", clientErr());
    clientErr.reset();
    assertEquals(2, client("--config", config.toString(), "--timeout", "-1", "get", "k"));
    assertTrue(clientErr().startsWith("simlab client: --timeout must be"), clientErr());
  }

  @Test
  void aBadConfigFileIsNamedWithItsLine() throws IOException {
    Path bad = dir.resolve("bad.properties");
    Files.writeString(bad, "node.1 = 127.0.0.1:7101\nnode.2 = nowhere\n");
    assertEquals(2, client("--config", bad.toString(), "get", "k"));
    assertEquals(
        "simlab client: "
            + bad
            + ":2: expected node.2 = HOST:PORT (for example 127.0.0.1:7101) but found "
            + "\"nowhere\"\n",
        clientErr());
    clientErr.reset();
    assertEquals(2, client("--config", dir.resolve("none.properties").toString(), "get", "k"));
    assertEquals(
        "simlab client: " + dir.resolve("none.properties") + ": no such file\n", clientErr());
  }

  @Test
  void aServerWithoutDataDirOrWithAnUnlistedIdIsRefused() throws IOException {
    assertEquals(2, run("server", "--config", config.toString(), "--id", "1"));
    assertEquals(
        "simlab server: "
            + config
            + ": missing data.dir = PATH (the directory where node 1 keeps its "
            + "Raft state)\n",
        err.toString());
    err.getBuffer().setLength(0);
    assertEquals(2, run("server", "--config", config.toString(), "--id", "7"));
    assertEquals(
        "simlab server: " + config + ": node 7 is not listed; the file lists node.1\n",
        err.toString());
    assertEquals(2, run("server", "--config", config.toString()));
    assertTrue(err.toString().contains("Missing required option: '--id=ID'"), err.toString());
    // A port already taken: exit 1 with the address in one line.
    try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Path cfg = dir.resolve("node1.properties");
      Files.writeString(cfg, "node.1 = 127.0.0.1:" + taken.getLocalPort() + "\ndata.dir = d1\n");
      err.getBuffer().setLength(0);
      assertEquals(1, run("server", "--config", cfg.toString(), "--id", "1"));
      assertTrue(
          err.toString()
              .startsWith(
                  "simlab server: node 1 cannot listen on 127.0.0.1:" + taken.getLocalPort()),
          err.toString());
    }
  }

  @Test
  @Timeout(60)
  void noLeaderWithinTheTimeoutIsOneLineAndExitOne() {
    assertEquals(1, client("--config", config.toString(), "--timeout", "1", "get", "k"));
    String e = clientErr();
    assertTrue(
        e.startsWith(
            "error: no leader reachable within 1000 ms (servers 1; last: 1 did not answer)"),
        e);
    assertEquals(1, e.lines().count(), e);
  }

  @Test
  void clientInputParsing() throws Exception {
    assertEquals(
        new ClientInput(ClientInput.Kind.OPERATION, simlab.kv.Op.PUT, "k", "a b  c"),
        ClientInput.parse("  put k a b  c "));
    assertEquals(ClientInput.Kind.EXIT, ClientInput.parse("exit").kind());
    assertEquals(ClientInput.Kind.EMPTY, ClientInput.parse("   ").kind());
    assertEquals(
        "delete: expected delete KEY, found 2 arguments",
        org.junit.jupiter.api.Assertions.assertThrows(
                ClientInput.BadInput.class, () -> ClientInput.parse("delete a b"))
            .getMessage());
  }
}
