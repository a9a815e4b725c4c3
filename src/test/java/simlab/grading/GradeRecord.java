package simlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import simlab.json.JsonLines;

/**
 * One graded run (a test at a seed) as one line of JSON, written by {@code grade --json FILE} and
 * read back by {@code grade merge}: what the run was (test, year, part, seed, the implementation
 * column), how it ended (result, trace hash, the failure's first line, the replay command) and the
 * test's points, so a merge needs nothing but the files.
 */
record GradeRecord(
    String test,
    int year,
    String part,
    long seed,
    boolean passed,
    int points,
    String traceHash,
    String failure,
    String replay,
    String implementation) {

  private static final String[] REQUIRED = {"test", "year", "part", "seed", "result", "points"};

  String toJson() {
    return JsonLines.object(
        g -> {
          g.writeStringField("test", test);
          g.writeNumberField("year", year);
          g.writeStringField("part", part);
          g.writeNumberField("seed", seed);
          g.writeStringField("result", passed ? "pass" : "fail");
          g.writeNumberField("points", points);
          g.writeStringField("traceHash", traceHash);
          g.writeStringField("failure", failure);
          g.writeStringField("replay", replay);
          g.writeStringField("implementation", implementation);
        });
  }

  /** Parses one line; IllegalArgumentException says what is wrong with it. */
  static GradeRecord parse(String line) {
    JsonNode m = JsonLines.readObject(line, REQUIRED);
    String result = m.get("result").asText();
    if (!result.equals("pass") && !result.equals("fail")) {
      throw new IllegalArgumentException(
          "field 'result' must be pass or fail, got '" + result + "'");
    }
    if (!m.get("seed").canConvertToLong()
        || !m.get("points").canConvertToInt()
        || !m.get("year").canConvertToInt()) {
      throw new IllegalArgumentException(
          "fields 'year', 'seed' and 'points' must be whole numbers");
    }
    return new GradeRecord(
        m.get("test").asText(),
        m.get("year").asInt(),
        m.get("part").asText(),
        m.get("seed").asLong(),
        result.equals("pass"),
        m.get("points").asInt(),
        text(m, "traceHash"),
        text(m, "failure"),
        text(m, "replay"),
        text(m, "implementation"));
  }

  private static String text(JsonNode m, String k) {
    JsonNode v = m.path(k);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }
}
