package simlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A failing simulated test writes its run report and names it on the line after the replay command.
 */
class RunReportOnFailureTest {
  @Test
  void failureWritesTheReportAndPrintsItsPath() throws Exception {
    Path expected = Path.of("target", "reports", "TestReElection3A-seed2", "index.html");
    Files.deleteIfExists(expected);
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    int code =
        ReplayMain.run(
            new String[] {
              "TestReElection3A",
              "--seed",
              "2",
              "--impl",
              "raft=" + StaleLeaderRaftFactory.class.getName()
            },
            new PrintStream(o, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    String out = o.toString(StandardCharsets.UTF_8);
    assertEquals(1, code, out);
    assertTrue(
        out.contains(
            "  replay: test-scripts/replay TestReElection3A --seed 2 --impl raft="
                + StaleLeaderRaftFactory.class.getName()
                + "\n  report: "
                + expected),
        out);
    String html = Files.readString(expected);
    assertTrue(
        html.contains("\"passed\":false") && html.contains("Election Safety"),
        "the report names the failure");
  }
}
