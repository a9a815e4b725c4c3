package simlab.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-history's answers to an empty file, a bad --model value and a step budget. */
class CheckHistoryInputTest {
  @TempDir Path dir;

  @Test
  void emptyFileIsBadInputNotLinearizable() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.log"), "");
    var run = CheckHistoryRun.of(empty.toString());
    assertEquals(3, run.exit());
    assertEquals("", run.out());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().contains("empty.log") && run.err().contains("no operations"), run.err());
    // Only comments and blank lines: no operations either.
    Path comments = Files.writeString(dir.resolve("c.txt"), "# nothing here\n\n");
    assertEquals(3, CheckHistoryRun.of(comments.toString(), "--model", "register").exit());
  }

  @Test
  void bogusModelIsOneLineNamingOptionValueAndChoices() throws Exception {
    Path f = Files.writeString(dir.resolve("h.txt"), "0 0 1 write a\n");
    var run = CheckHistoryRun.of(f.toString(), "--model", "bogus");
    assertEquals(3, run.exit());
    String err = run.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertTrue(
        err.contains("--model") && err.contains("bogus") && err.contains("kv, etcd, register"),
        err);
    assertTrue(!err.contains("Usage"), "no help dump: " + err);
  }

  @Test
  void maxStepsGivesUnknownWithTheReasonOnStderr() throws Exception {
    Path f = HistoryDir.get().resolve("jepsen").resolve("etcd_002.log");
    var run = CheckHistoryRun.of(f.toString(), "--max-steps", "10");
    assertEquals(2, run.exit());
    assertEquals("unknown", run.out().strip());
    assertTrue(run.err().contains("more than 10 search steps"), run.err());
    assertEquals(0, CheckHistoryRun.of(f.toString(), "--max-steps", "100000000").exit());
    assertEquals(3, CheckHistoryRun.of(f.toString(), "--max-steps", "0").exit());
  }
}
