package simlab.linearizability.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import simlab.linearizability.Operation;
import simlab.linearizability.model.RegisterInput;

/**
 * A plain format for single-register histories, one completed operation per line:
 *
 * <pre>
 * # comment
 * CLIENT CALL RETURN write VALUE
 * CLIENT CALL RETURN read VALUE      (VALUE "?" = the result is unknown)
 * </pre>
 *
 * CLIENT, CALL and RETURN are integers (CALL &lt;= RETURN); VALUE is one word.
 */
public final class RegisterTextFormat {
  private static final List<String> KINDS = List.of("write", "read");

  private RegisterTextFormat() {}

  public static List<Operation<RegisterInput, String>> read(Path file)
      throws HistoryFormatException {
    return parse(file.toString(), HistoryFiles.lines(file));
  }

  public static List<Operation<RegisterInput, String>> parse(String file, List<String> lines)
      throws HistoryFormatException {
    List<Operation<RegisterInput, String>> ops = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      LineScanner s = new LineScanner(file, i + 1, line);
      s.skipBlanks();
      int client = s.integer("the client id");
      s.blanks("the call time");
      long call = s.longInteger("the call time");
      s.blanks("the return time");
      long ret = s.longInteger("the return time");
      if (ret < call) {
        throw s.error(
            "expected a return time at or after the call time " + call + " but found " + ret);
      }
      s.blanks("'write' or 'read'");
      String kind = s.oneOf(KINDS);
      s.blanks("the value");
      String value = s.word("the value");
      s.end();
      if (kind.equals("write")) {
        ops.add(new Operation<>(client, RegisterInput.write(value), null, call, ret));
      } else {
        ops.add(
            new Operation<>(
                client, RegisterInput.read(), value.equals("?") ? null : value, call, ret));
      }
    }
    return ops;
  }
}
