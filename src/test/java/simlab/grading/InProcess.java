package simlab.grading;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs grade or replay in this JVM and keeps their exit code, stdout and stderr (test helper). */
final class InProcess {
  /** What one in-process run produced. */
  record Result(int code, String out, String err) {}

  /** One of the main classes' {@code run(args, out, err)}. */
  interface Main {
    int run(String[] args, PrintStream out, PrintStream err) throws Exception;
  }

  private InProcess() {}

  static Result run(Main main, String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = main.run(args, o, e);
    }
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Result grade(String... args) throws Exception {
    return run(GradeMain::run, args);
  }

  static Result replay(String... args) throws Exception {
    return run(ReplayMain::run, args);
  }

  /** Sets system properties for the duration of a block and restores them afterwards. */
  static final class Properties implements AutoCloseable {
    private final Map<String, String> before = new LinkedHashMap<>();

    Properties set(String key, String value) {
      before.putIfAbsent(key, System.getProperty(key));
      System.setProperty(key, value);
      return this;
    }

    @Override
    public void close() {
      before.forEach(
          (k, v) -> {
            if (v == null) {
              System.clearProperty(k);
            } else {
              System.setProperty(k, v);
            }
          });
    }
  }
}
