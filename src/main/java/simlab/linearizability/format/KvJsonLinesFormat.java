package simlab.linearizability.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import simlab.json.JsonLines;
import simlab.linearizability.Operation;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvOp;
import simlab.linearizability.model.KvOutput;

/**
 * Key/value histories as JSON Lines, one completed (or never returned) operation per line, the form
 * in which the lab test suites save a failing history for {@code check-history}:
 *
 * <pre>
 * {"client":3,"op":"append","key":"k","value":"x 3 1 y","output":null,"call":123000,"return":456000}
 * {"client":1,"op":"get","key":"k","value":null,"output":"x 3 1 y","call":460000,"return":470000}
 * </pre>
 *
 * All seven fields are required, in any order. {@code op} is get, put, append or delete; {@code
 * value} is the string written (null for get and delete); {@code output} is the string a get read,
 * or for an append the old value it returned (lab 2, as 6.5840 2024's kvsrv; null when the append
 * reports nothing), null otherwise; {@code call} and {@code return} are integer times (the suites
 * use virtual nanoseconds), {@code call <= return}. {@code "return": null} marks a write that never
 * returned: it may or may not have taken effect, and it is read as returning at {@link
 * #NEVER_RETURNED}. A get must have returned (what it would have read is unknown, so the suites
 * leave unreturned gets out).
 */
public final class KvJsonLinesFormat {
  /** The return time of an operation that never returned; written as {@code "return": null}. */
  public static final long NEVER_RETURNED = Long.MAX_VALUE;

  private static final List<String> FIELD_ORDER =
      List.of("client", "op", "key", "value", "output", "call", "return");

  private KvJsonLinesFormat() {}

  public static List<Operation<KvInput, KvOutput>> read(Path file) throws HistoryFormatException {
    return parse(file.toString(), HistoryFiles.lines(file));
  }

  public static List<Operation<KvInput, KvOutput>> parse(String file, List<String> lines)
      throws HistoryFormatException {
    List<Operation<KvInput, KvOutput>> ops = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.isBlank()) {
        ops.add(operation(file, i + 1, line));
      }
    }
    return ops;
  }

  private static Operation<KvInput, KvOutput> operation(String file, int lineNo, String line)
      throws HistoryFormatException {
    JsonNode json;
    try {
      json = JsonLines.read(line);
    } catch (JsonProcessingException e) {
      throw new HistoryFormatException(file, lineNo, JsonLines.problem(e, line));
    }
    if (!json.isObject()) {
      throw new HistoryFormatException(
          file, lineNo, "expected a JSON object but found " + Fields.describe(json));
    }
    for (Map.Entry<String, JsonNode> field : json.properties()) {
      String name = field.getKey();
      if (!FIELD_ORDER.contains(name)) {
        throw new HistoryFormatException(
            file,
            lineNo,
            "expected only the fields " + quotedFieldList() + " but found \"" + name + "\"");
      }
    }
    for (String name : FIELD_ORDER) {
      if (!json.has(name)) {
        throw new HistoryFormatException(file, lineNo, "expected the field \"" + name + "\"");
      }
    }
    Fields v = new Fields(file, lineNo, json);
    long client = v.integer("client");
    if (client < Integer.MIN_VALUE || client > Integer.MAX_VALUE) {
      throw v.error("expected \"client\" to fit in 32 bits but found " + client);
    }
    KvOp op = op(v);
    String key = v.string("key", "the key");
    String value = v.nullableString("value");
    if ((op == KvOp.PUT || op == KvOp.APPEND) && value == null) {
      throw v.error("expected a string \"value\" for " + name(op) + " but found null");
    }
    if ((op == KvOp.GET || op == KvOp.DELETE) && value != null) {
      throw v.error("expected \"value\": null for " + name(op) + " but found a string");
    }
    String output = v.nullableString("output");
    long call = v.integer("call");
    long returned;
    if (json.get("return").isNull()) {
      if (op == KvOp.GET) {
        throw v.error(
            "expected a \"return\" time for a get: a get that never returned has no output");
      }
      returned = NEVER_RETURNED;
    } else {
      returned = v.integer("return");
      if (returned < call) {
        throw v.error(
            "expected a \"return\" time at or after the call time "
                + call
                + " but found "
                + returned);
      }
    }
    KvOutput out;
    if (op == KvOp.GET) {
      if (output == null) {
        throw v.error("expected the string a get read as \"output\" but found null");
      }
      out = KvOutput.of(output);
    } else if (op == KvOp.APPEND && output != null) {
      if (returned == NEVER_RETURNED) {
        throw v.error(
            "expected \"output\": null for an append that never returned but found a string");
      }
      out = KvOutput.of(output);
    } else {
      if (output != null) {
        throw v.error("expected \"output\": null for " + name(op) + " but found a string");
      }
      out = KvOutput.NONE;
    }
    return new Operation<>((int) client, new KvInput(op, key, value), out, call, returned);
  }

  private static KvOp op(Fields v) throws HistoryFormatException {
    String op = v.string("op", "\"get\", \"put\", \"append\" or \"delete\"");
    return switch (op) {
      case "get" -> KvOp.GET;
      case "put" -> KvOp.PUT;
      case "append" -> KvOp.APPEND;
      case "delete" -> KvOp.DELETE;
      default ->
          throw v.error(
              "expected \"op\" to be \"get\", \"put\", \"append\" or \"delete\" but found \""
                  + op
                  + "\"");
    };
  }

  /** Typed access to the parsed fields of one line. */
  private record Fields(String file, int line, JsonNode values) {
    HistoryFormatException error(String problem) {
      return new HistoryFormatException(file, line, problem);
    }

    long integer(String name) throws HistoryFormatException {
      JsonNode n = values.get(name);
      if (n.isIntegralNumber() && n.canConvertToLong()) {
        return n.longValue();
      }
      throw error("expected an integer as \"" + name + "\" but found " + describe(n));
    }

    String string(String name, String what) throws HistoryFormatException {
      JsonNode n = values.get(name);
      if (n.isTextual()) {
        return n.textValue();
      }
      throw error("expected " + what + " (a string) as \"" + name + "\" but found " + describe(n));
    }

    String nullableString(String name) throws HistoryFormatException {
      JsonNode n = values.get(name);
      if (n.isNull()) {
        return null;
      }
      if (n.isTextual()) {
        return n.textValue();
      }
      throw error("expected a string or null as \"" + name + "\" but found " + describe(n));
    }

    static String describe(JsonNode n) {
      return switch (n.getNodeType()) {
        case STRING -> "the string \"" + n.textValue() + "\"";
        case NUMBER -> (n.isIntegralNumber() ? "the integer " : "the number ") + n.asText();
        case BOOLEAN -> n.asText();
        case NULL -> "null";
        case OBJECT, POJO -> "an object";
        case ARRAY -> "an array";
        case BINARY, MISSING -> "nothing";
      };
    }
  }

  private static String quotedFieldList() {
    StringBuilder sb = new StringBuilder();
    for (String f : FIELD_ORDER) {
      sb.append(sb.length() == 0 ? "" : ", ").append('"').append(f).append('"');
    }
    return sb.toString();
  }

  private static String name(KvOp op) {
    return op.name().toLowerCase(Locale.ROOT);
  }

  /** Writes the operations in list order, one line each, UTF-8; creates the parent directory. */
  public static void write(Path file, List<Operation<KvInput, KvOutput>> ops) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Operation<KvInput, KvOutput> op : ops) {
        w.write(line(op));
        w.write('\n');
      }
    }
  }

  /** One operation as a line of this format, without the line break. */
  public static String line(Operation<KvInput, KvOutput> op) {
    KvInput in = op.input();
    return JsonLines.object(
        g -> {
          g.writeNumberField("client", op.clientId());
          g.writeStringField("op", name(in.op()));
          g.writeStringField("key", in.key());
          // A value on a get or delete means nothing to the model; keep the line readable.
          g.writeStringField(
              "value", in.op() == KvOp.PUT || in.op() == KvOp.APPEND ? in.value() : null);
          // Append returns the old value (6.5840 2024), so its output is checked like a Get's.
          boolean reads = in.op() == KvOp.GET || in.op() == KvOp.APPEND;
          g.writeStringField("output", reads && op.output() != null ? op.output().value() : null);
          g.writeNumberField("call", op.call());
          if (op.ret() == NEVER_RETURNED) {
            g.writeNullField("return");
          } else {
            g.writeNumberField("return", op.ret());
          }
        });
  }
}
