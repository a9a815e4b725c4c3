package simlab.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import simlab.cli.CheckHistoryCommand;
import simlab.linearizability.Verdict;
import simlab.linearizability.format.KvJsonLinesFormat;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvOutput;

class HistoryCheckTest {
  /** Runs check-history on a file and returns what it printed on stdout. */
  static String checkHistory(Path file) {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new CheckHistoryCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    cl.execute(file.toString());
    return out.toString().strip();
  }

  @Test
  void staleReadFailsAndWritesTheHtmlViewAndTheJsonLines() throws Exception {
    Path html = HistoryCheck.OUT_DIR.resolve("HistoryCheckSelfTest-seed5.html");
    Path jsonl = HistoryCheck.OUT_DIR.resolve("HistoryCheckSelfTest-seed5.jsonl");
    Files.deleteIfExists(html);
    Files.deleteIfExists(jsonl);
    KvOpLog log = new KvOpLog();
    log.called(0, KvInput.put("k", "a"), 0).returned(KvOutput.NONE, 10);
    log.called(1, KvInput.get("k"), 20).returned(KvOutput.of(""), 30);
    log.called(2, KvInput.append("k", "never \"returned\""), 25);
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () -> HistoryCheck.assertLinearizable(log.operations(), "HistoryCheckSelfTest", 5));
    assertTrue(e.getMessage().contains(html.toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains(jsonl.toAbsolutePath().toString()), e.getMessage());
    assertTrue(Files.size(html) > 0);
    assertEquals(
        log.operations(),
        KvJsonLinesFormat.read(jsonl),
        "the JSONL file holds the checked history");
    assertEquals("not linearizable", checkHistory(jsonl));
  }

  @Test
  void unreturnedWriteMayHaveTakenEffect() {
    KvOpLog log = new KvOpLog();
    log.called(0, KvInput.put("k", "a"), 0);
    log.called(1, KvInput.get("k"), 20).returned(KvOutput.of("a"), 30);
    assertEquals(
        Verdict.LINEARIZABLE,
        HistoryCheck.assertLinearizable(log.operations(), "HistoryCheckOk", 1));
  }

  @Test
  void undecidedHistoryFailsTheTestInsteadOfPassingUnchecked() throws Exception {
    KvOpLog log = new KvOpLog();
    for (int i = 0; i < 6; i++) {
      log.called(i, KvInput.append("k", "v" + i), 0).returned(KvOutput.NONE, 100);
    }
    log.called(9, KvInput.get("k"), 200).returned(KvOutput.of("v5v4v3v2v1v0"), 210);
    Path jsonl = HistoryCheck.OUT_DIR.resolve("HistoryCheckUndecided-seed2.jsonl");
    Files.deleteIfExists(jsonl);
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () -> HistoryCheck.assertLinearizable(log.operations(), "HistoryCheckUndecided", 2, 3));
    assertTrue(
        e.getMessage().contains("undecided") && e.getMessage().contains("more than 3 search steps"),
        e.getMessage());
    assertTrue(Files.exists(jsonl), "the undecided history is saved for check-history");
    // With the real budget the same history is decided.
    assertEquals(
        Verdict.LINEARIZABLE,
        HistoryCheck.assertLinearizable(log.operations(), "HistoryCheckUndecided", 2));
  }
}
