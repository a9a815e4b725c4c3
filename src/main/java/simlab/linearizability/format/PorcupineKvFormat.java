package simlab.linearizability.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import simlab.linearizability.Operation;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvOp;
import simlab.linearizability.model.KvOutput;

/**
 * Porcupine's key/value histories ({@code test_data/kv}), one EDN-like map per line: {@code
 * {:process 3, :type :invoke, :f :append, :key "1", :value "x 3 0 y"}}. Each line's 1-based number
 * is its time. Every call must complete: the KV model has no "unknown" output, so an unfinished
 * call is reported rather than guessed at.
 */
public final class PorcupineKvFormat {
  private static final List<String> TYPES = List.of(":invoke", ":ok");
  private static final List<String> FUNCTIONS = List.of(":get", ":put", ":append");

  private PorcupineKvFormat() {}

  private record Open(int process, KvInput input, int line) {}

  public static List<Operation<KvInput, KvOutput>> read(Path file) throws HistoryFormatException {
    return parse(file.toString(), HistoryFiles.lines(file));
  }

  public static List<Operation<KvInput, KvOutput>> parse(String file, List<String> lines)
      throws HistoryFormatException {
    List<Operation<KvInput, KvOutput>> ops = new ArrayList<>();
    Map<Integer, Open> pending = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      LineScanner s = new LineScanner(file, lineNo, line);
      s.skipBlanks();
      s.literal("{:process ");
      int process = s.integer("the process id");
      s.literal(", :type ");
      String type = s.oneOf(TYPES);
      s.literal(", :f ");
      String f = s.oneOf(FUNCTIONS);
      s.literal(", :key ");
      String key = s.quoted("the key");
      s.literal(", :value ");
      String value = s.tryLiteral("nil") ? null : s.quoted("the value ('nil' or a string)");
      s.literal("}");
      s.end();
      KvOp op =
          switch (f) {
            case ":get" -> KvOp.GET;
            case ":put" -> KvOp.PUT;
            default -> KvOp.APPEND;
          };
      if (type.equals(":invoke")) {
        if (pending.containsKey(process)) {
          throw s.error(
              "process "
                  + process
                  + " invokes again while its call on line "
                  + pending.get(process).line()
                  + " is still open");
        }
        if (op == KvOp.GET && value != null) {
          throw s.error("expected ':value nil' on ':invoke :get' but found a string");
        }
        if (op != KvOp.GET && value == null) {
          throw s.error(
              "expected a string value on ':invoke " + f.substring(1) + "' but found nil");
        }
        pending.put(process, new Open(process, new KvInput(op, key, value), lineNo));
        continue;
      }
      Open open = pending.remove(process);
      if (open == null) {
        throw s.error("expected an ':invoke' of process " + process + " before this ':ok'");
      }
      KvInput in = open.input();
      if (in.op() != op || !in.key().equals(key)) {
        throw s.error(
            "expected the ':ok' of the call on line "
                + open.line()
                + " ("
                + in.op()
                + " of key \""
                + in.key()
                + "\") but found "
                + op
                + " of key \""
                + key
                + "\"");
      }
      KvOutput out;
      if (op == KvOp.GET) {
        if (value == null) {
          throw s.error("expected the string a ':get' read but found nil");
        }
        out = KvOutput.of(value);
      } else {
        if (!Objects.equals(value, in.value())) {
          throw s.error(
              "expected the value of the call on line " + open.line() + " but found another");
        }
        out = KvOutput.NONE;
      }
      ops.add(new Operation<>(process, in, out, open.line(), lineNo));
    }
    if (!pending.isEmpty()) {
      Open first = pending.values().iterator().next();
      throw new HistoryFormatException(
          file,
          first.line(),
          "expected an ':ok' for this call of process " + first.process() + " but the file ended");
    }
    return ops;
  }
}
