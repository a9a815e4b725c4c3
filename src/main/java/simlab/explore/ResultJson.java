package simlab.explore;

import com.fasterxml.jackson.databind.JsonNode;
import simlab.json.JsonLines;

/**
 * {@link SeedResult} as one line of JSON (JSON Lines), and back, through Jackson ({@link
 * JsonLines}). The reader wants one object with {@code system}, {@code seed}, {@code result} and
 * {@code traceHash}, strings (or null) for the text fields and whole numbers for {@code seed},
 * {@code steps} and {@code shrunkSteps}; fields it does not know are ignored, so a newer writer's
 * records still merge.
 */
public final class ResultJson {
  private static final String[] REQUIRED = {"system", "seed", "result", "traceHash"};

  private ResultJson() {}

  public static String write(SeedResult r) {
    return JsonLines.object(
        g -> {
          g.writeStringField("system", r.system());
          g.writeNumberField("seed", r.seed());
          g.writeStringField("result", r.result());
          g.writeStringField("property", r.property());
          g.writeStringField("detail", r.detail());
          g.writeStringField("traceHash", r.traceHash());
          g.writeNumberField("steps", r.steps());
          g.writeNumberField("shrunkSteps", r.shrunkSteps());
          g.writeStringField("shrunkFile", r.shrunkFile());
          g.writeStringField("shrunkSchedule", r.shrunkSchedule());
          g.writeStringField("replay", r.replay());
          g.writeStringField("shrunkReplay", r.shrunkReplay());
          if (r.report() != null) { // only failures that were shrunk have a timeline
            g.writeStringField("report", r.report());
          }
        });
  }

  /**
   * Parses one line; throws IllegalArgumentException with what is wrong (for malformed JSON,
   * Jackson's description and the column) on anything else.
   */
  public static SeedResult read(String line) {
    JsonNode m = JsonLines.readObject(line, REQUIRED);
    return new SeedResult(
        str(m, "system"),
        num(m, "seed"),
        str(m, "result"),
        str(m, "property"),
        str(m, "detail"),
        str(m, "traceHash"),
        (int) num(m, "steps"),
        (int) num(m, "shrunkSteps"),
        str(m, "shrunkFile"),
        str(m, "shrunkSchedule"),
        str(m, "replay"),
        str(m, "shrunkReplay"),
        str(m, "report"));
  }

  private static String str(JsonNode m, String k) {
    JsonNode v = m.path(k);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("field '" + k + "' must be a string");
    }
    return v.textValue();
  }

  private static long num(JsonNode m, String k) {
    JsonNode v = m.path(k);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException("field '" + k + "' must be a whole number");
    }
    return v.longValue();
  }
}
