package simlab.explore;

import java.util.LinkedHashMap;
import java.util.Map;
import simlab.json.JsonStrings;

/**
 * {@link SeedResult} as one line of JSON (JSON Lines), and back. The reader accepts exactly
 * what the writer produces: one flat object of string, integer and null values; anything
 * else is rejected with the column and what was expected.
 */
public final class ResultJson {
  private ResultJson() {
  }

  public static String write(SeedResult r) {
    StringBuilder b = new StringBuilder("{");
    field(b, "system", r.system());
    b.append(",\"seed\":").append(r.seed());
    b.append(',');
    field(b, "result", r.result());
    b.append(',');
    field(b, "property", r.property());
    b.append(',');
    field(b, "detail", r.detail());
    b.append(',');
    field(b, "traceHash", r.traceHash());
    b.append(",\"steps\":").append(r.steps());
    b.append(",\"shrunkSteps\":").append(r.shrunkSteps());
    b.append(',');
    field(b, "shrunkFile", r.shrunkFile());
    b.append(',');
    field(b, "shrunkSchedule", r.shrunkSchedule());
    b.append(',');
    field(b, "replay", r.replay());
    b.append(',');
    field(b, "shrunkReplay", r.shrunkReplay());
    return b.append('}').toString();
  }

  private static void field(StringBuilder b, String name, String value) {
    JsonStrings.append(b, name);
    b.append(':');
    JsonStrings.append(b, value);
  }

  /** Parses one line; throws IllegalArgumentException("column C: expected ...") on anything else. */
  public static SeedResult read(String line) {
    Map<String, Object> m = new Parser(line).object();
    for (String key : new String[] {"system", "seed", "result", "traceHash"}) {
      if (m.get(key) == null) {
        throw new IllegalArgumentException("missing field '" + key + "'");
      }
    }
    return new SeedResult(str(m, "system"), num(m, "seed"), str(m, "result"), str(m, "property"), str(m, "detail"),
        str(m, "traceHash"), (int) num(m, "steps"), (int) num(m, "shrunkSteps"), str(m, "shrunkFile"),
        str(m, "shrunkSchedule"), str(m, "replay"), str(m, "shrunkReplay"));
  }

  private static String str(Map<String, Object> m, String k) {
    Object v = m.get(k);
    if (v != null && !(v instanceof String)) {
      throw new IllegalArgumentException("field '" + k + "' must be a string");
    }
    return (String) v;
  }

  private static long num(Map<String, Object> m, String k) {
    Object v = m.get(k);
    if (!(v instanceof Long l)) {
      throw new IllegalArgumentException("field '" + k + "' must be a whole number");
    }
    return l;
  }

  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    Map<String, Object> object() {
      Map<String, Object> m = new LinkedHashMap<>();
      ws();
      expect('{');
      ws();
      if (peek() == '}') {
        i++;
      } else {
        while (true) {
          ws();
          String k = string();
          ws();
          expect(':');
          ws();
          m.put(k, value());
          ws();
          if (peek() == ',') {
            i++;
            continue;
          }
          expect('}');
          break;
        }
      }
      ws();
      if (i != s.length()) {
        throw error("the end of the line");
      }
      return m;
    }

    private Object value() {
      char c = peek();
      if (c == '"') {
        return string();
      }
      if (s.startsWith("null", i)) {
        i += 4;
        return null;
      }
      int start = i;
      if (c == '-') {
        i++;
      }
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start || (i == start + 1 && c == '-')) {
        throw error("a string, a whole number or null");
      }
      try {
        return Long.parseLong(s.substring(start, i));
      } catch (NumberFormatException e) {
        throw error("a whole number that fits 64 bits");
      }
    }

    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        if (i >= s.length()) {
          throw error("a closing quote");
        }
        char c = s.charAt(i++);
        if (c == '"') {
          return b.toString();
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        if (i >= s.length()) {
          throw error("an escape");
        }
        char e = s.charAt(i++);
        switch (e) {
          case '"', '\\', '/' -> b.append(e);
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            if (i + 4 > s.length()) {
              throw error("four hex digits");
            }
            try {
              b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            } catch (NumberFormatException x) {
              throw error("four hex digits");
            }
            i += 4;
          }
          default -> throw error("a valid escape");
        }
      }
    }

    private char peek() {
      return i < s.length() ? s.charAt(i) : '\0';
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("'" + c + "'");
      }
      i++;
    }

    private void ws() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private IllegalArgumentException error(String expected) {
      return new IllegalArgumentException("column " + (i + 1) + ": expected " + expected);
    }
  }
}
