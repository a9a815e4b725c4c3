package simlab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * explore's result records through Jackson: the line is byte for byte what the earlier hand-written
 * writer produced (result files of both versions merge), and a malformed line stops merge with its
 * file, line and column.
 */
class ResultJsonTest {
  @TempDir Path tmp;

  private static final SeedResult FAILED =
      new SeedResult(
          "shardkv",
          -7,
          "fail",
          "Linearizability",
          "quote \" and\nnewline \u007f \uD800",
          "ff01",
          9,
          3,
          "target/explore/x.txt",
          "# h\nat 0ms heal\n",
          "replay",
          null,
          null);

  @Test
  void theLineIsTheOneTheHandWrittenWriterProduced() {
    assertEquals(
        "{\"system\":\"shardkv\",\"seed\":-7,\"result\":\"fail\",\"property\":\"Linearizability\","
            + "\"detail\":\"quote \\\" and\\nnewline \\u007F \\uD800\",\"traceHash\":\"ff01\",\"steps\":9,"
            + "\"shrunkSteps\":3,\"shrunkFile\":\"target/explore/x.txt\",\"shrunkSchedule\":\"# h\\nat 0ms heal\\n\","
            + "\"replay\":\"replay\",\"shrunkReplay\":null}",
        ResultJson.write(FAILED));
    assertEquals(FAILED, ResultJson.read(ResultJson.write(FAILED)));
  }

  @Test
  void wrongTypesAndMissingFieldsAreNamed() {
    String line = ResultJson.write(FAILED);
    assertEquals(
        "field 'seed' must be a whole number",
        assertThrows(
                IllegalArgumentException.class,
                () -> ResultJson.read(line.replace("\"seed\":-7", "\"seed\":\"-7\"")))
            .getMessage());
    assertEquals(
        "field 'detail' must be a string",
        assertThrows(
                IllegalArgumentException.class,
                () -> ResultJson.read(line.replace("\"detail\":\"", "\"detail\":[],\"x\":\"")))
            .getMessage());
    assertEquals(
        "missing field 'traceHash'",
        assertThrows(
                IllegalArgumentException.class,
                () -> ResultJson.read(line.replace("\"traceHash\":\"ff01\"", "\"traceHash\":null")))
            .getMessage());
  }

  @Test
  void mergeNamesFileLineAndColumnOfAMalformedRecord() throws Exception {
    Path f = tmp.resolve("r.jsonl");
    Files.writeString(f, ResultJson.write(FAILED) + "\n{\"system\":\"kv\",\"seed\":1\n");
    ExplorerTest.Cli c = ExplorerTest.cli("merge", f.toString());
    assertEquals(2, c.code(), c.err());
    assertEquals(
        "merge: "
            + f
            + ":2: Unexpected end-of-input: expected close marker for Object"
            + " (column 24: end of line)",
        c.err().strip());
    assertTrue(c.out().isEmpty(), c.out());
  }
}
