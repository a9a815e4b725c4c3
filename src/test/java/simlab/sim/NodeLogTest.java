package simlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * ctx.log lines reach slf4j only when asked ({@code -Dsim.log=debug} or {@code SIM_LOG}), and
 * logging never changes a run. Each case runs {@link NodeLogProbe} in a fresh JVM, because
 * slf4j-simple reads its levels once per JVM.
 */
class NodeLogTest {
  private static final long SEED = 42;

  /** A child JVM's stdout and stderr lines (the JVM's own "Picked up ..." notices dropped). */
  private record Child(List<String> out, List<String> err) {}

  @Test
  void withoutSimLogNothingIsPrinted() throws Exception {
    Child c = probe(List.of(), Map.of());
    assertEquals(List.of(), c.err(), "stderr must stay empty without sim.log");
    assertEquals(List.of(NodeLogProbe.hashes(SEED)), c.out());
  }

  @Test
  void withSimLogDebugEachLineReachesTheNodesLoggerWithVirtualTime() throws Exception {
    Child c = probe(List.of("-Dsim.log=debug"), Map.of());
    assertEquals(
        List.of(
            "DEBUG simlab.node.n1 - [0.000000s seed 42] up",
            "DEBUG simlab.node.n1 - [0.005000s seed 42] tick",
            "DEBUG simlab.sim.Simulation - [0.010000s seed 42] crash n1 (incarnation 1)",
            "DEBUG simlab.sim.Simulation - [0.010000s seed 42] restart n1 (incarnation 2)",
            "DEBUG simlab.node.n1 - [0.010000s seed 42] up",
            "DEBUG simlab.node.n1 - [0.015000s seed 42] tick"),
        c.err().subList(0, Math.min(6, c.err().size())));
    assertTrue(
        c.err().stream()
            .anyMatch(l -> l.startsWith("DEBUG simlab.sim.Network - [") && l.contains("partition")),
        "the chaos scenario's partition is not logged: " + c.err());
    // Logging reads the run and never changes it: same trace hashes as in this JVM, logging off.
    assertEquals(List.of(NodeLogProbe.hashes(SEED)), c.out());
  }

  @Test
  void theEnvironmentVariableWorksLikeTheProperty() throws Exception {
    Child c = probe(List.of(), Map.of("SIM_LOG", "DEBUG"));
    assertEquals(
        "DEBUG simlab.node.n1 - [0.000000s seed 42] up", c.err().isEmpty() ? "" : c.err().get(0));
  }

  @Test
  void anUnknownLevelIsNamedOnceAndIgnored() throws Exception {
    Child c = probe(List.of("-Dsim.log=loud"), Map.of());
    assertEquals(
        List.of(
            "simlab: ignoring sim.log='loud': expected one of trace, debug, info, warn, error, off"),
        c.err());
    assertEquals(List.of(NodeLogProbe.hashes(SEED)), c.out());
  }

  private static Child probe(List<String> jvmArgs, Map<String, String> env)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            NodeLogProbe.class.getName(),
            Long.toString(SEED)));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("SIM_LOG");
    pb.environment().putAll(env);
    // stderr to a file: a pipe could fill up with debug lines while stdout is being read.
    Path errFile = Files.createTempFile("simlab-nodelog", ".err");
    try {
      pb.redirectError(errFile.toFile());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
      String err = Files.readString(errFile, StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), err);
      return new Child(lines(out), lines(err));
    } finally {
      Files.deleteIfExists(errFile);
    }
  }

  private static List<String> lines(String s) {
    return s.lines().filter(l -> !l.startsWith("Picked up ")).toList();
  }
}
