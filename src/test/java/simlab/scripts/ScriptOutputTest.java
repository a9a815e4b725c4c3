package simlab.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * What the test-scripts print, stdout and stderr merged, carries no terminal escape (ESC, 0x1b), so
 * it stays readable in pipes and files. The scripts print two things: Maven's output when they
 * build (lib.sh's simlab_mvn) and the Java program's (simlab_java).
 */
class ScriptOutputTest {
  private static final char ESC = '\u001b';

  private static void assertNoEscape(ScriptRun run) {
    int at = run.output().indexOf(ESC);
    assertEquals(-1, at, () -> "ESC at offset " + at + " of: " + run.output().replace(ESC, '^'));
  }

  @Test
  void mavenRunAsTheScriptsRunItPrintsNoEscapes() {
    assumeTrue(ScriptRun.onPath("mvn"), "needs bash and mvn");
    // An unknown phase: Maven prints an error (red, when colours are on) and exits, and
    // its jansi console writes ESC[0m on exit unless told not to. Offline: nothing fetched.
    ScriptRun run =
        ScriptRun.run(
            ScriptRun.ROOT,
            "bash",
            "-c",
            "source test-scripts/lib.sh && simlab_mvn -o simlab-no-such-phase");
    assertNotEquals(0, run.exit(), run.output());
    assertTrue(run.output().contains("simlab-no-such-phase"), run.output());
    assertNoEscape(run);
  }

  @Test
  void checkHistoryProgramPrintsNoEscapes() {
    assumeTrue(ScriptRun.bashAvailable(), "needs bash");
    // The script's Java half, through lib.sh, on this JVM's own classpath (so no build).
    String classpath = System.getProperty("java.class.path");
    String script =
        "source test-scripts/lib.sh && CP=\"$1\" && shift && "
            + "simlab_java simlab.cli.CheckHistoryCommand \"$@\"";
    ScriptRun verdict =
        ScriptRun.run(
            ScriptRun.ROOT,
            "bash",
            "-c",
            script,
            "_",
            classpath,
            "src/test/resources/histories/porcupine/kv/c01-ok.txt");
    assertEquals(new ScriptRun(0, "linearizable\n"), verdict);
    ScriptRun badOption =
        ScriptRun.run(
            ScriptRun.ROOT,
            "bash",
            "-c",
            script,
            "_",
            classpath,
            "src/test/resources/histories/porcupine/kv/c01-ok.txt",
            "--model",
            "bogus");
    assertNotEquals(0, badOption.exit());
    assertTrue(badOption.output().contains("bogus"), badOption.output());
    assertNoEscape(badOption);
  }
}
