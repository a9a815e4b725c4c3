package simlab.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.linearizability.format.HistoryFormat;
import simlab.linearizability.format.HistoryFormatException;
import simlab.linearizability.format.JepsenEtcdFormat;
import simlab.linearizability.format.PorcupineKvFormat;
import simlab.linearizability.format.RegisterTextFormat;
import simlab.linearizability.model.EtcdInput;
import simlab.linearizability.model.EtcdOutput;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvOutput;
import simlab.linearizability.model.RegisterInput;

class FormatsTest {
  private static String jepsen(int proc, String type, String f, String value) {
    return "INFO  jepsen.util - " + proc + "\t" + type + "\t" + f + "\t" + value;
  }

  @Test
  void jepsenPairsCallsWithCompletionsAndKeepsInfoOpen() throws HistoryFormatException {
    var ops =
        JepsenEtcdFormat.parse(
            "h.log",
            List.of(
                jepsen(0, ":invoke", ":write", "3"),
                jepsen(1, ":invoke", ":cas", "[3 4]"),
                jepsen(0, ":ok", ":write", "3"),
                jepsen(1, ":info", ":cas", ":timed-out"),
                "INFO  jepsen.util - 2   :invoke :read   nil",
                "INFO  jepsen.util - 2   :fail   :read   :timed-out",
                jepsen(3, ":invoke", ":read", "nil"),
                jepsen(3, ":ok", ":read", "4"),
                jepsen(4, ":invoke", ":cas", "[1 2]"),
                jepsen(4, ":fail", ":cas", "[1 2]")));
    assertEquals(5, ops.size());
    assertEquals(new Operation<>(0, EtcdInput.write(3), EtcdOutput.OK, 1, 3), ops.get(0));
    assertEquals(new Operation<>(2, EtcdInput.read(), EtcdOutput.UNKNOWN, 5, 6), ops.get(1));
    assertEquals(EtcdOutput.read(4), ops.get(2).output());
    assertEquals(EtcdOutput.FAIL, ops.get(3).output());
    // The :info cas stays open until after the last line, with an unknown outcome.
    assertEquals(new Operation<>(1, EtcdInput.cas(3, 4), EtcdOutput.UNKNOWN, 2, 11), ops.get(4));
  }

  @Test
  void jepsenInvokeNeverCompletedStaysOpenToo() throws HistoryFormatException {
    var ops = JepsenEtcdFormat.parse("h.log", List.of(jepsen(0, ":invoke", ":write", "1")));
    assertEquals(List.of(new Operation<>(0, EtcdInput.write(1), EtcdOutput.UNKNOWN, 1, 2)), ops);
  }

  private static String jepsenError(String... lines) {
    return assertThrows(
            HistoryFormatException.class, () -> JepsenEtcdFormat.parse("h.log", List.of(lines)))
        .getMessage();
  }

  @Test
  void jepsenErrorsNameFileLineAndExpectation() {
    assertEquals(
        "h.log:2: expected ':invoke', ':ok', ':fail' or ':info' but found ':done'",
        jepsenError(jepsen(0, ":invoke", ":read", "nil"), jepsen(0, ":done", ":read", "nil")));
    assertEquals(
        "h.log:1: expected ':read', ':write' or ':cas' but found ':add'",
        jepsenError(jepsen(0, ":invoke", ":add", "1")));
    assertEquals(
        "h.log:1: expected 'INFO' but found 'WARN'",
        jepsenError("WARN jepsen.util - 0 :invoke :read nil"));
    assertEquals(
        "h.log:1: expected an integer to write but found 'x'",
        jepsenError(jepsen(0, ":invoke", ":write", "x")));
    assertEquals(
        "h.log:1: expected an ':invoke' of process 0 before this ':ok'",
        jepsenError(jepsen(0, ":ok", ":read", "nil")));
    assertEquals(
        "h.log:2: process 0 invokes again while its call on line 1 is still open",
        jepsenError(jepsen(0, ":invoke", ":read", "nil"), jepsen(0, ":invoke", ":read", "nil")));
    assertEquals(
        "h.log:2: expected the value of the call on line 1 ('[1 2]') but found '[1 3]'",
        jepsenError(jepsen(0, ":invoke", ":cas", "[1 2]"), jepsen(0, ":ok", ":cas", "[1 3]")));
    assertEquals(
        "h.log:1: expected end of line but found 'extra'",
        jepsenError(jepsen(0, ":invoke", ":read", "nil extra")));
  }

  private static String kv(int p, String type, String f, String key, String value) {
    return "{:process "
        + p
        + ", :type "
        + type
        + ", :f "
        + f
        + ", :key \""
        + key
        + "\", :value "
        + (value == null ? "nil" : "\"" + value + "\"")
        + "}";
  }

  @Test
  void kvLines() throws HistoryFormatException {
    var ops =
        PorcupineKvFormat.parse(
            "kv.txt",
            List.of(
                kv(1, ":invoke", ":append", "0", "x 1 0 y"),
                kv(2, ":invoke", ":get", "0", null),
                kv(1, ":ok", ":append", "0", "x 1 0 y"),
                kv(2, ":ok", ":get", "0", "x 1 0 y")));
    assertEquals(
        List.of(
            new Operation<>(1, KvInput.append("0", "x 1 0 y"), KvOutput.NONE, 1, 3),
            new Operation<>(2, KvInput.get("0"), KvOutput.of("x 1 0 y"), 2, 4)),
        ops);
  }

  @Test
  void kvErrors() {
    var e =
        assertThrows(
            HistoryFormatException.class,
            () ->
                PorcupineKvFormat.parse(
                    "kv.txt",
                    List.of(
                        kv(1, ":invoke", ":get", "0", null), kv(1, ":fail", ":get", "0", null))));
    assertEquals("kv.txt:2: expected ':invoke' or ':ok' but found ':fail,'", e.getMessage());
    assertEquals(2, e.line());
    e =
        assertThrows(
            HistoryFormatException.class,
            () -> PorcupineKvFormat.parse("kv.txt", List.of(kv(1, ":invoke", ":get", "0", null))));
    assertEquals(
        "kv.txt:1: expected an ':ok' for this call of process 1 but the file ended",
        e.getMessage());
    e =
        assertThrows(
            HistoryFormatException.class,
            () ->
                PorcupineKvFormat.parse(
                    "kv.txt",
                    List.of("{:process 1, :type :invoke, :f :get, :key \"0, :value nil}")));
    assertEquals("kv.txt:1: unterminated string in the key: missing closing '\"'", e.getMessage());
  }

  @Test
  void registerLines() throws HistoryFormatException {
    var ops =
        RegisterTextFormat.parse(
            "r.txt", List.of("# a comment", "1 0 5 write x", "", "2 3 9 read ?"));
    assertEquals(
        List.of(
            new Operation<>(1, RegisterInput.write("x"), null, 0, 5),
            new Operation<>(2, RegisterInput.read(), null, 3, 9)),
        ops);
    var e =
        assertThrows(
            HistoryFormatException.class,
            () -> RegisterTextFormat.parse("r.txt", List.of("1 5 4 read x")));
    assertEquals(
        "r.txt:1: expected a return time at or after the call time 5 but found 4", e.getMessage());
  }

  @Test
  void missingFileIsAFormatErrorAtLineZero() {
    var e =
        assertThrows(
            HistoryFormatException.class, () -> JepsenEtcdFormat.read(Path.of("no/such/file.log")));
    assertEquals(0, e.line());
    assertEquals("no such file", e.problem());
  }

  @Test
  void detection() {
    assertEquals(
        HistoryFormat.JEPSEN,
        HistoryFormat.detect(List.of("", jepsen(0, ":invoke", ":read", "nil"))));
    assertEquals(
        HistoryFormat.KV, HistoryFormat.detect(List.of(kv(1, ":invoke", ":get", "0", null))));
    assertEquals(HistoryFormat.REGISTER, HistoryFormat.detect(List.of("# c", "1 0 1 read x")));
    assertEquals(null, HistoryFormat.detect(List.of("", "  ")));
  }
}
