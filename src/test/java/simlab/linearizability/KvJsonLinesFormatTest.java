package simlab.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import simlab.linearizability.format.HistoryFormat;
import simlab.linearizability.format.HistoryFormatException;
import simlab.linearizability.format.KvJsonLinesFormat;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOutput;

class KvJsonLinesFormatTest {
  @TempDir Path dir;

  private static Operation<KvInput, KvOutput> op(
      int client, KvInput in, KvOutput out, long call, long ret) {
    return new Operation<>(client, in, out, call, ret);
  }

  /** Strings a naive writer or reader gets wrong. */
  private static final List<String> AWKWARD =
      List.of(
          "",
          "say \"hi\"",
          "back\\slash\\",
          "tab\tnew\nline\r",
          "\u0001\u001f\u007f",
          "é 日本 \uD83D\uDE00",
          "\uD800 lone",
          "tail \uDC00",
          "slash / {\"k\":1}",
          "x 3 1 y");

  @Test
  void roundTripKeepsEveryOperationExactly() throws Exception {
    List<Operation<KvInput, KvOutput>> ops = new java.util.ArrayList<>();
    long t = 0;
    for (int i = 0; i < AWKWARD.size(); i++) {
      String s = AWKWARD.get(i);
      ops.add(op(i, KvInput.put(s, s), KvOutput.NONE, t, t + 5));
      ops.add(op(i + 100, KvInput.append("k", s), KvOutput.NONE, t + 1, t + 1));
      ops.add(op(-i, KvInput.get(s), KvOutput.of(s), t + 2, t + 9));
      t += 10;
    }
    ops.add(
        op(
            7,
            KvInput.put("k", "lost \"write\""),
            KvOutput.NONE,
            123_000,
            KvJsonLinesFormat.NEVER_RETURNED));
    ops.add(op(8, KvInput.delete("gone"), KvOutput.NONE, Long.MIN_VALUE, Long.MAX_VALUE - 1));
    Path file = dir.resolve("sub/h.jsonl");
    KvJsonLinesFormat.write(file, ops);
    assertEquals(ops, KvJsonLinesFormat.read(file));
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(ops.size(), lines.size(), "one operation per line");
    assertEquals(HistoryFormat.JSONL, HistoryFormat.detect(lines));
    assertEquals(
        "{\"client\":7,\"op\":\"put\",\"key\":\"k\",\"value\":\"lost \\\"write\\\"\",\"output\":null,"
            + "\"call\":123000,\"return\":null}",
        lines.get(lines.size() - 2));
  }

  @Test
  void readsEscapesOtherWritersUse() throws HistoryFormatException {
    var ops =
        KvJsonLinesFormat.parse(
            "h.jsonl",
            List.of(
                " { \"return\" : 9 , \"call\":3,\"output\":\"caf\\u00e9 \\ud83d\\ude00 \\/\\b\\f\","
                    + " \"value\":null,\"key\":\"a\\\\b\",\"op\":\"get\",\"client\":2 } ",
                "",
                "{\"client\":3,\"op\":\"append\",\"key\":\"k\",\"value\":\"x 3 1 y\",\"output\":null,"
                    + "\"call\":123000,\"return\":456000}"));
    assertEquals(
        List.of(
            op(2, KvInput.get("a\\b"), KvOutput.of("café \uD83D\uDE00 /\b\f"), 3, 9),
            op(3, KvInput.append("k", "x 3 1 y"), KvOutput.NONE, 123000, 456000)),
        ops);
  }

  private static String error(String... lines) {
    return assertThrows(
            HistoryFormatException.class, () -> KvJsonLinesFormat.parse("h.jsonl", List.of(lines)))
        .getMessage();
  }

  private static final String OK =
      "{\"client\":1,\"op\":\"put\",\"key\":\"k\",\"value\":\"v\",\"output\":null,"
          + "\"call\":1,\"return\":2}";

  @Test
  void malformedLinesNameFileLineAndExpectation() {
    // Syntax errors are Jackson's own words, with the line and the column it stopped at.
    assertEquals(
        "h.jsonl:2: Unexpected end-of-input: expected close marker for Object (column 23: end of line)",
        error(OK, "{\"client\":1,\"op\":\"get\""));
    assertEquals(
        "h.jsonl:1: Unexpected character (':' (code 58)): was expecting double-quote to start field name"
            + " (column 2: ':process 1, :type :i...')",
        error("{:process 1, :type :invoke, :f :get, :key \"0\", :value nil}"));
    assertEquals(
        "h.jsonl:3: expected \"op\" to be \"get\", \"put\", \"append\" or \"delete\" but found \"cas\"",
        error(OK, "", OK.replace("\"put\"", "\"cas\"")));
    assertEquals(
        "h.jsonl:1: expected the field \"return\"", error(OK.replace(",\"return\":2", "")));
    assertEquals(
        "h.jsonl:1: expected only the fields \"client\", \"op\", \"key\", \"value\", \"output\", "
            + "\"call\", \"return\" but found \"ret\"",
        error(OK.replace("\"return\"", "\"ret\"")));
    assertEquals(
        "h.jsonl:1: Duplicate field 'key' (column 30: ':\"k\",\"value\":\"v\",\"ou...')",
        error(OK.replace("\"op\"", "\"key\"")));
    assertEquals(
        "h.jsonl:1: Unrecognized character escape 'x' (code 120) (column 33: 'xb\",\"value\":\"v\",\"out...')",
        error(OK.replace("\"k\"", "\"a\\xb\"")));
    assertTrue(
        error(OK.replace("\"k\"", "\"\\u12g4\""))
            .startsWith(
                "h.jsonl:1: Unexpected character ('g' (code 103)): expected a hex-digit for character escape sequence"
                    + " (column 35: "));
    assertEquals(
        "h.jsonl:1: Unexpected end-of-input in field name (column 38: end of line)",
        error(OK.substring(0, 37)));
    assertTrue(
        error(OK.replace("\"k\"", "\"a\tb\""))
            .startsWith(
                "h.jsonl:1: Illegal unquoted character ((CTRL-CHAR, code 9)): has to be escaped using backslash"));
    assertEquals(
        "h.jsonl:1: expected an integer as \"call\" but found the number 1.5",
        error(OK.replace("\"call\":1", "\"call\":1.5")));
    assertTrue(
        error(OK.replace("\"call\":1", "\"call\":99999999999999999999"))
            .startsWith("h.jsonl:1: Numeric value (99999999999999999999) out of range of long"));
    assertEquals("h.jsonl:1: expected a JSON object but found an array", error("[1]"));
    assertEquals(
        "h.jsonl:1: expected the key (a string) as \"key\" but found an object",
        error(OK.replace("\"k\"", "{}")));
    assertEquals(
        "h.jsonl:1: expected an integer as \"client\" but found true",
        error(OK.replace("\"client\":1", "\"client\":true")));
    assertEquals(
        "h.jsonl:1: expected an integer as \"client\" but found the string \"1\"",
        error(OK.replace("\"client\":1", "\"client\":\"1\"")));
    assertEquals(
        "h.jsonl:1: expected a \"return\" time at or after the call time 1 but found 0",
        error(OK.replace("\"return\":2", "\"return\":0")));
    assertEquals(
        "h.jsonl:1: expected a string \"value\" for put but found null",
        error(OK.replace("\"v\"", "null")));
    assertEquals(
        "h.jsonl:1: expected a \"return\" time for a get: a get that never returned has no output",
        error(
            "{\"client\":1,\"op\":\"get\",\"key\":\"k\",\"value\":null,\"output\":\"v\",\"call\":1,"
                + "\"return\":null}"));
    assertEquals(
        "h.jsonl:1: expected the string a get read as \"output\" but found null",
        error(
            "{\"client\":1,\"op\":\"get\",\"key\":\"k\",\"value\":null,\"output\":null,\"call\":1,"
                + "\"return\":2}"));
    assertEquals(
        "h.jsonl:1: expected the end of the line after the JSON value (column 81: '{}')",
        error(OK + " {}"));
  }

  @Test
  void detectionTellsJsonFromPorcupinesKvLines() {
    assertEquals(HistoryFormat.JSONL, HistoryFormat.detect(List.of("", "{\"client\":1}")));
    assertEquals(HistoryFormat.JSONL, HistoryFormat.detect(List.of("{ \"client\":1}")));
    assertEquals(HistoryFormat.KV, HistoryFormat.detect(List.of("{:process 1, :type :invoke}")));
  }

  private CheckHistoryRun writeAndCheck(
      String name, List<Operation<KvInput, KvOutput>> ops, String... more) throws Exception {
    Path file = dir.resolve(name);
    KvJsonLinesFormat.write(file, ops);
    String[] args = new String[more.length + 1];
    args[0] = file.toString();
    System.arraycopy(more, 0, args, 1, more.length);
    return CheckHistoryRun.of(args);
  }

  @Test
  void checkHistoryAgreesWithTheInMemoryCheck() throws Exception {
    // A read that misses a completed put, on one key among others: not linearizable.
    List<Operation<KvInput, KvOutput>> stale =
        List.of(
            op(0, KvInput.put("k", "a \"q\""), KvOutput.NONE, 0, 10),
            op(1, KvInput.append("other", "z"), KvOutput.NONE, 5, 15),
            op(1, KvInput.get("k"), KvOutput.of(""), 20, 30));
    // A write that never returned explains the read: linearizable.
    List<Operation<KvInput, KvOutput>> pending =
        List.of(
            op(0, KvInput.put("k", "a\\b"), KvOutput.NONE, 0, KvJsonLinesFormat.NEVER_RETURNED),
            op(1, KvInput.get("k"), KvOutput.of("a\\b"), 20, 30),
            op(2, KvInput.append("k", "é"), KvOutput.NONE, 25, 40),
            op(1, KvInput.get("k"), KvOutput.of("a\\bé"), 50, 60));
    assertEquals(
        Verdict.NOT_LINEARIZABLE,
        LinearizabilityChecker.check(new KvModel(), stale, Duration.ofSeconds(10)).verdict());
    assertEquals(
        Verdict.LINEARIZABLE,
        LinearizabilityChecker.check(new KvModel(), pending, Duration.ofSeconds(10)).verdict());

    Path html = dir.resolve("h.html");
    assertEquals(
        new CheckHistoryRun(1, "not linearizable\n", "wrote " + html + "\n"),
        writeAndCheck("stale.jsonl", stale, "--html", html.toString()));
    assertTrue(Files.size(html) > 0);
    assertEquals(
        new CheckHistoryRun(0, "linearizable\n", ""), writeAndCheck("pending.jsonl", pending));
    assertEquals(
        new CheckHistoryRun(0, "linearizable\n", ""),
        writeAndCheck("pending-explicit.txt", pending, "--format", "jsonl", "--no-partition"));
  }

  @Test
  void checkHistoryReportsAMalformedJsonLine() throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, OK + "\n" + OK.replace("\"v\"", "'v'") + "\n");
    CheckHistoryRun r = CheckHistoryRun.of(file.toString());
    assertEquals(3, r.exit());
    assertEquals("", r.out());
    assertEquals(
        file
            + ":2: Unexpected character (''' (code 39)): expected a valid value (JSON String, Number,"
            + " Array, Object or token 'null', 'true' or 'false') (column 42: ''v',\"output\":null,\"c...')\n",
        r.err());
    CheckHistoryRun wrong = CheckHistoryRun.of(file.toString(), "--model", "register");
    assertEquals(3, wrong.exit());
    assertTrue(
        wrong.err().contains("model register cannot check a jsonl history (use --model kv)"),
        wrong.err());
  }

  @Test
  void helpDescribesTheFormat() {
    CheckHistoryRun help = CheckHistoryRun.of("--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("jsonl     JSON Lines"), help.out());
    assertTrue(help.out().contains("\"return\": null = a write that never returned"), help.out());
  }
}
