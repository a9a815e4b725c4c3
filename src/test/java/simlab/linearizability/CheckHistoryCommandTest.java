package simlab.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckHistoryCommandTest {
  @TempDir Path dir;

  private static String porcupine(String file) {
    return HistoryDir.get().resolve(file).toString();
  }

  @Test
  void verdictsAndExitCodes() {
    CheckHistoryRun ok = CheckHistoryRun.of(porcupine("jepsen/etcd_002.log"), "--model", "etcd");
    assertEquals(new CheckHistoryRun(0, "linearizable\n", ""), ok);
    CheckHistoryRun bad = CheckHistoryRun.of(porcupine("kv/c10-bad.txt"));
    assertEquals(1, bad.exit());
    assertEquals("not linearizable\n", bad.out());
    CheckHistoryRun unknown =
        CheckHistoryRun.of(porcupine("kv/c50-ok.txt"), "--no-partition", "--timeout", "0.2");
    assertEquals(2, unknown.exit());
    assertEquals("unknown\n", unknown.out());
  }

  @Test
  void registerFormatAndHtml() throws Exception {
    Path history = dir.resolve("r.txt");
    Files.writeString(history, "# stale read\n0 0 1 write a\n0 2 3 write b\n1 4 5 read a\n");
    Path html = dir.resolve("r.html");
    CheckHistoryRun r =
        CheckHistoryRun.of(history.toString(), "--model", "register", "--html", html.toString());
    assertEquals(1, r.exit());
    assertEquals("not linearizable\n", r.out());
    assertTrue(Files.readString(html).contains("read() -&gt; a"));
  }

  @Test
  void malformedLineGivesLocationAndExit3() throws Exception {
    Path history = dir.resolve("bad.log");
    Files.writeString(
        history,
        "INFO  jepsen.util - 0\t:invoke\t:read\tnil\nINFO  jepsen.util - 0\t:okay\t:read\tnil\n");
    CheckHistoryRun r = CheckHistoryRun.of(history.toString());
    assertEquals(3, r.exit());
    assertEquals("", r.out());
    assertEquals(
        history + ":2: expected ':invoke', ':ok', ':fail' or ':info' but found ':okay'\n", r.err());
  }

  @Test
  void missingFileAndWrongModelAreExplained() {
    CheckHistoryRun missing = CheckHistoryRun.of(dir.resolve("nope.log").toString());
    assertEquals(3, missing.exit());
    assertTrue(missing.err().contains("nope.log: no such file"), missing.err());
    CheckHistoryRun wrong = CheckHistoryRun.of(porcupine("kv/c01-ok.txt"), "--model", "etcd");
    assertEquals(3, wrong.exit());
    assertTrue(
        wrong.err().contains("model etcd cannot check a kv history (use --model kv)"), wrong.err());
    CheckHistoryRun usage = CheckHistoryRun.of("--model", "paxos", "x");
    assertEquals(3, usage.exit());
    assertFalse(usage.err().contains("Exception"), usage.err());
  }
}
