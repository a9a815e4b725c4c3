package simlab.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The JSON Lines writer keeps the bytes the hand-written writer produced (trace exports and saved
 * histories stay comparable across versions) and the reader is strict JSON.
 */
class JsonLinesTest {

  @Test
  void escapesOnlyWhatUtf8OrATerminalCannotCarry() {
    String line =
        JsonLines.object(
            g -> {
              g.writeStringField(
                  "s", "q\" b\\ \t\n\r\b\f \u0001\u001f\u007f é 日本 \uD83D\uDE00 / <>");
              g.writeStringField("lone", "\uD800 x \uDC00");
              g.writeStringField("none", null);
              g.writeNumberField("n", -5);
            });
    assertEquals(
        "{\"s\":\"q\\\" b\\\\ \\t\\n\\r\\b\\f \\u0001\\u001F\\u007F é 日本 \uD83D\uDE00 / <>\","
            + "\"lone\":\"\\uD800 x \\uDC00\",\"none\":null,\"n\":-5}",
        line);
    // The emoji is one 4-byte UTF-8 character, not two escaped halves.
    assertTrue(
        new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
            .contains("\uD83D\uDE00"));
  }

  @Test
  void whatIsWrittenReadsBackExactly() throws JsonProcessingException {
    String awkward = "\uD800 lone, tail \uDC00, \u007f, \uD83D\uDE00, \"q\"";
    String line = JsonLines.object(g -> g.writeStringField("v", awkward));
    assertEquals(awkward, JsonLines.read(line).get("v").textValue());
  }

  @Test
  void trailingValuesAndBrokenSyntaxAreRefusedWithTheirColumn() throws JsonProcessingException {
    JsonProcessingException e =
        assertThrows(JsonProcessingException.class, () -> JsonLines.read("{\"a\":1} 2"));
    assertEquals(
        "expected the end of the line after the JSON value (column 9: '2')",
        JsonLines.problem(e, "{\"a\":1} 2"));
    String dup = "{\"a\":1,\"a\":2}";
    e = assertThrows(JsonProcessingException.class, () -> JsonLines.read(dup));
    assertTrue(
        JsonLines.problem(e, dup).startsWith("Duplicate field 'a' (column "),
        JsonLines.problem(e, dup));
    String open = "{\"a\":";
    e = assertThrows(JsonProcessingException.class, () -> JsonLines.read(open));
    assertTrue(
        JsonLines.problem(e, open).endsWith("(column 6: end of line)"), JsonLines.problem(e, open));
    assertTrue(JsonLines.read("   ").isMissingNode());
    assertTrue(JsonLines.read("{\"big\":9007199254740993}").get("big").isLong());
  }
}
