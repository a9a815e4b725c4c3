package simlab.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.linearizability.Verdict;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvOutput;

class HistoryCheckTest {
  @Test
  void staleReadFailsAndWritesTheHtmlView() throws Exception {
    KvOpLog log = new KvOpLog();
    log.called(0, KvInput.put("k", "a"), 0).returned(KvOutput.NONE, 10);
    log.called(1, KvInput.get("k"), 20).returned(KvOutput.of(""), 30);
    AssertionError e = assertThrows(AssertionError.class,
        () -> HistoryCheck.assertLinearizable(log.operations(), "HistoryCheckSelfTest", 5));
    assertTrue(e.getMessage().contains("HistoryCheckSelfTest-seed5.html"), e.getMessage());
    assertTrue(Files.size(HistoryCheck.OUT_DIR.resolve("HistoryCheckSelfTest-seed5.html")) > 0);
  }

  @Test
  void unreturnedWriteMayHaveTakenEffect() {
    KvOpLog log = new KvOpLog();
    log.called(0, KvInput.put("k", "a"), 0);
    log.called(1, KvInput.get("k"), 20).returned(KvOutput.of("a"), 30);
    assertEquals(Verdict.LINEARIZABLE, HistoryCheck.assertLinearizable(log.operations(), "HistoryCheckOk", 1));
  }
}
