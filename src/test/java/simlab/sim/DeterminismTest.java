package simlab.sim;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import simlab.testing.Seed;
import simlab.testing.SimTest;

@Tag("core")
class DeterminismTest {

  @SimTest(name = "TestSameSeedSameTrace")
  void sameSeedTwiceGivesIdenticalTraceHash(Seed seed) {
    Simulation a = seed.newSimulation();
    String h1 = PingNode.chaosScenario(a);
    String h2 = PingNode.chaosScenario(new Simulation(seed.value()));
    assertEquals(h1, h2, "same seed, same JVM, different trace hash");
    assertTrue(
        a.trace().recordCount() > 1000,
        "scenario too small to mean anything: " + a.trace().recordCount());
  }

  @SimTest(name = "TestDifferentSeedsDiffer")
  void twoSeedsGiveDifferentHashes(Seed seed) {
    String h1 = PingNode.chaosScenario(seed.newSimulation());
    String h2 = PingNode.chaosScenario(new Simulation(seed.value() + 1));
    assertNotEquals(h1, h2);
  }

  @Test
  void sameSeedInAFreshJvmGivesTheSameHash() throws Exception {
    long seed = 12345;
    String here = PingNode.chaosScenario(new Simulation(seed));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                PingNode.class.getName(),
                Long.toString(seed))
            .redirectErrorStream(true)
            .start();
    String out;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      out = r.lines().reduce("", (x, y) -> x + y).trim();
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
    assertEquals(0, p.exitValue(), out);
    assertEquals(here, out);
  }

  @Test
  void addingAStreamDoesNotShiftOthers() {
    SeedStreams s = new SeedStreams(7);
    long a = s.stream("node:a").nextLong();
    s.stream("client:new").nextLong();
    assertEquals(a, new SeedStreams(7).stream("node:a").nextLong());
    assertNotEquals(a, s.stream("node:b").nextLong());
  }
}
