package simlab.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One JSON object per line, written and read with Jackson.
 *
 * <p>Writing: non-ASCII text stays UTF-8 (a surrogate pair becomes one 4-byte character); quotes,
 * backslashes, control characters, DEL and unpaired surrogates (which UTF-8 cannot carry) are
 * escaped, so any Java string survives a round trip through a UTF-8 file.
 *
 * <p>Reading is strict JSON: a field given twice or anything after the object is an error, and
 * {@link #problem} turns Jackson's error into a one-line description with the column.
 *
 * <p>The factory and mapper are built once and never reconfigured; Jackson documents them as safe
 * to share, and nothing they hold can change what a simulation does.
 */
public final class JsonLines {
  private static final JsonFactory FACTORY =
      new JsonFactoryBuilder()
          .characterEscapes(new DelEscaped())
          .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .build();

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .build();

  private JsonLines() {}

  /** What writes the fields of one object (between Jackson's start and end of the object). */
  @FunctionalInterface
  public interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  /**
   * One JSON object, without the line break, with the fields {@code fields} writes in order ({@code
   * writeStringField(name, null)} writes {@code null}).
   */
  public static String object(Fields fields) {
    ByteArrayBuilder bytes = new ByteArrayBuilder(128);
    try (JsonGenerator g = FACTORY.createGenerator(bytes)) {
      g.writeStartObject();
      fields.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a JSON line", e); // in-memory: never happens
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  /**
   * {@code s} as a JSON string literal (or {@code null}), escaped exactly as {@link #object}
   * escapes strings; for code that assembles larger JSON documents (the run report's data).
   */
  public static String string(String s) {
    if (s == null) {
      return "null";
    }
    ByteArrayBuilder bytes = new ByteArrayBuilder(s.length() + 8);
    try (JsonGenerator g = FACTORY.createGenerator(bytes)) {
      g.writeString(s);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a JSON string", e); // in-memory: never happens
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  /**
   * The JSON value on {@code line} (any kind: the caller checks that it got an object). Integers
   * are read as longs; a blank line gives a missing node. Malformed JSON throws a {@link
   * JsonProcessingException} (describe it with {@link #problem}).
   */
  public static JsonNode read(String line) throws JsonProcessingException {
    try (JsonParser p = MAPPER.createParser(line)) {
      JsonNode value = p.readValueAsTree();
      if (value != null && p.nextToken() != null) {
        throw new JsonParseException(
            p, "expected the end of the line after the JSON value", p.currentTokenLocation());
      }
      return value == null ? MissingNode.getInstance() : value;
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read a JSON line from memory", e); // a String source: never happens
    }
  }

  /**
   * The JSON object on {@code line}, with every one of {@code required} present and not null;
   * anything else throws IllegalArgumentException saying what is wrong (for malformed JSON,
   * Jackson's description and the column), for callers that add the file and line.
   */
  public static JsonNode readObject(String line, String... required) {
    JsonNode m;
    try {
      m = read(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(problem(e, line));
    }
    if (!m.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    for (String key : required) {
      if (m.path(key).isNull() || m.path(key).isMissingNode()) {
        throw new IllegalArgumentException("missing field '" + key + "'");
      }
    }
    return m;
  }

  /**
   * Jackson's complaint about {@code line} as one line: its message without the source dump, the
   * 1-based column and what stands there, e.g. {@code Unexpected character ('}' (code 125)): ...
   * (column 12: '}')}.
   */
  public static String problem(JsonProcessingException e, String line) {
    String msg = e.getOriginalMessage();
    int cut = msg.indexOf(" (start marker at ");
    if (cut >= 0) {
      msg = msg.substring(0, cut);
    }
    msg = msg.replace('\n', ' ');
    JsonLocation where = e.getLocation();
    if (where == null || where.getColumnNr() < 1) {
      return msg;
    }
    int col = where.getColumnNr();
    return msg + " (column " + col + ": " + found(line, col - 1) + ")";
  }

  private static String found(String line, int pos) {
    if (pos >= line.length()) {
      return "end of line";
    }
    int end = Math.min(line.length(), pos + 20);
    return "'" + line.substring(pos, end) + (end < line.length() ? "...'" : "'");
  }

  /** Jackson's standard escapes plus DEL, which is invisible in a terminal. */
  private static final class DelEscaped extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    DelEscaped() {
      ascii = CharacterEscapes.standardAsciiEscapesForJSON();
      ascii[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
