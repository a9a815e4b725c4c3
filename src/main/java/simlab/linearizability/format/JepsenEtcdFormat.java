package simlab.linearizability.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import simlab.linearizability.Operation;
import simlab.linearizability.model.EtcdInput;
import simlab.linearizability.model.EtcdOp;
import simlab.linearizability.model.EtcdOutput;

/**
 * Jepsen etcd register logs as in Porcupine's {@code test_data/jepsen}: {@code INFO jepsen.util -
 * PROC TYPE F VALUE}. Each line's 1-based number is its time.
 *
 * <p>{@code :info} (indeterminate) leaves the operation open; every operation still open at the end
 * gets an UNKNOWN output and a return after the last line. {@code :fail :read :timed-out} completes
 * the read with an UNKNOWN output.
 */
public final class JepsenEtcdFormat {
  private static final List<String> TYPES = List.of(":invoke", ":ok", ":fail", ":info");
  private static final List<String> FUNCTIONS = List.of(":read", ":write", ":cas");

  private JepsenEtcdFormat() {}

  public static List<Operation<EtcdInput, EtcdOutput>> read(Path file)
      throws HistoryFormatException {
    return parse(file.toString(), HistoryFiles.lines(file));
  }

  /** One invoked operation waiting for its completion line. */
  private record Open(int process, EtcdInput input, String valueText, int line) {}

  public static List<Operation<EtcdInput, EtcdOutput>> parse(String file, List<String> lines)
      throws HistoryFormatException {
    List<Operation<EtcdInput, EtcdOutput>> ops = new ArrayList<>();
    Map<Integer, Open> pending = new LinkedHashMap<>();
    List<Open> indeterminate = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      LineScanner s = new LineScanner(file, lineNo, line);
      s.skipBlanks();
      s.literal("INFO");
      s.blanks("'jepsen.util'");
      s.literal("jepsen.util");
      s.blanks("'-'");
      s.literal("-");
      s.blanks("the process id");
      int process = s.integer("the process id");
      s.blanks("the event type");
      String type = s.oneOf(TYPES);
      s.blanks("the function");
      String f = s.oneOf(FUNCTIONS);
      s.blanks("the value");
      String valueText = valueText(s);
      s.end();
      EtcdOp op =
          switch (f) {
            case ":read" -> EtcdOp.READ;
            case ":write" -> EtcdOp.WRITE;
            default -> EtcdOp.CAS;
          };
      if (type.equals(":invoke")) {
        Open previous = pending.get(process);
        if (previous != null) {
          throw s.error(
              "process "
                  + process
                  + " invokes again while its call on line "
                  + previous.line()
                  + " is still open");
        }
        pending.put(process, new Open(process, input(s, op, valueText), valueText, lineNo));
        continue;
      }
      Open open = pending.remove(process);
      if (open == null) {
        throw s.error(
            "expected an ':invoke' of process " + process + " before this '" + type + "'");
      }
      if (open.input().op() != op) {
        throw s.error(
            "expected '"
                + f(open.input().op())
                + "' to complete the call on line "
                + open.line()
                + " but found '"
                + f
                + "'");
      }
      if (type.equals(":info")) {
        indeterminate.add(open);
        continue;
      }
      EtcdOutput output = output(s, open, type, valueText);
      ops.add(new Operation<>(process, open.input(), output, open.line(), lineNo));
    }
    long end = lines.size() + 1L;
    List<Open> stillOpen = new ArrayList<>(indeterminate);
    stillOpen.addAll(pending.values());
    stillOpen.sort((a, b) -> Integer.compare(a.line(), b.line()));
    for (Open o : stillOpen) {
      ops.add(new Operation<>(o.process(), o.input(), EtcdOutput.UNKNOWN, o.line(), end));
    }
    return ops;
  }

  private static String valueText(LineScanner s) throws HistoryFormatException {
    if (s.tryLiteral("[")) {
      s.skipBlanks();
      int a = s.integer("the expected value of the cas");
      s.blanks("the new value of the cas");
      int b = s.integer("the new value of the cas");
      s.skipBlanks();
      s.literal("]");
      return "[" + a + " " + b + "]";
    }
    return s.word("the value ('nil', an integer, '[a b]' or ':timed-out')");
  }

  private static EtcdInput input(LineScanner s, EtcdOp op, String value)
      throws HistoryFormatException {
    return switch (op) {
      case READ -> {
        if (!value.equals("nil")) {
          throw s.error("expected 'nil' as the value of ':invoke :read' but found '" + value + "'");
        }
        yield EtcdInput.read();
      }
      case WRITE -> EtcdInput.write(integer(s, value, "an integer to write"));
      case CAS -> {
        int[] pair = pair(s, value);
        yield EtcdInput.cas(pair[0], pair[1]);
      }
    };
  }

  private static EtcdOutput output(LineScanner s, Open open, String type, String value)
      throws HistoryFormatException {
    EtcdOp op = open.input().op();
    if (type.equals(":fail")) {
      if (op == EtcdOp.READ) {
        if (!value.equals(":timed-out")) {
          throw s.error(
              "expected ':timed-out' as the value of ':fail :read' but found '" + value + "'");
        }
        return EtcdOutput.UNKNOWN;
      }
      sameAsInvoke(s, open, value);
      return EtcdOutput.FAIL;
    }
    if (op == EtcdOp.READ) {
      return EtcdOutput.read(
          value.equals("nil") ? null : integer(s, value, "'nil' or an integer read"));
    }
    sameAsInvoke(s, open, value);
    return EtcdOutput.OK;
  }

  /** Completions repeat the invoke's value; a different one means the log is not what we think. */
  private static void sameAsInvoke(LineScanner s, Open open, String value)
      throws HistoryFormatException {
    if (!value.equals(open.valueText())) {
      throw s.error(
          "expected the value of the call on line "
              + open.line()
              + " ('"
              + open.valueText()
              + "') but found '"
              + value
              + "'");
    }
  }

  private static int integer(LineScanner s, String text, String what)
      throws HistoryFormatException {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw s.error("expected " + what + " but found '" + text + "'");
    }
  }

  private static int[] pair(LineScanner s, String text) throws HistoryFormatException {
    if (!text.startsWith("[")) {
      throw s.error("expected '[from to]' as the value of a cas but found '" + text + "'");
    }
    String[] parts = text.substring(1, text.length() - 1).split(" ");
    return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
  }

  private static String f(EtcdOp op) {
    return ":" + op.name().toLowerCase(java.util.Locale.ROOT);
  }
}
