package simlab.grading;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs grade and replay through picocli with the grader's conventions: an option error is one line
 * on stderr naming the option and the bad value ({@code grade: --seed needs an integer, got 'abc'})
 * and exit code 2, never picocli's full usage; {@code --help} prints the usage on stdout with exit
 * code 0. The converters below give the value errors their wording, the handler puts the option's
 * name in front.
 */
final class CommandLines {
  /** Exit code of a bad option, value, test name or implementation: nothing ran. */
  static final int BAD_OPTION = 2;

  private CommandLines() {}

  /**
   * Parses {@code args} into {@code command} and runs it; returns its exit code, or {@link
   * #BAD_OPTION} after printing {@code name: <one line>} to {@code err} (also for a {@link
   * ParameterException} the command throws while checking its options).
   */
  static int execute(
      String name, Callable<Integer> command, String[] args, PrintStream out, PrintStream err) {
    PrintWriter o = writerTo(out);
    PrintWriter e = writerTo(err);
    CommandLine cl =
        new CommandLine(command)
            .setOut(o)
            .setErr(e)
            // "@file" is a part or test name to the grader, never a file of arguments.
            .setExpandAtFiles(false)
            .setParameterExceptionHandler(
                (ex, a) -> {
                  e.println(name + ": " + oneLine(ex));
                  return BAD_OPTION;
                });
    int code = cl.execute(args);
    o.flush();
    e.flush();
    return code;
  }

  /** The one line that replaces picocli's message and usage: it names the option and the value. */
  static String oneLine(ParameterException ex) {
    if (ex.getCause() instanceof TypeConversionException t
        && ex.getArgSpec() instanceof OptionSpec opt) {
      return opt.longestName() + " " + t.getMessage();
    }
    if (ex instanceof MissingParameterException m && firstOption(m.getMissing()) != null) {
      return firstOption(m.getMissing()).longestName() + " needs a value";
    }
    if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      return "unknown option " + u.getUnmatched().get(0);
    }
    if (ex instanceof OverwrittenOptionException w
        && w.getOverwritten() instanceof OptionSpec opt) {
      return opt.longestName() + " given more than once";
    }
    return ex.getMessage();
  }

  /** A writer that prints through {@code s}, so picocli's text is encoded as the stream's own. */
  private static PrintWriter writerTo(PrintStream s) {
    return new PrintWriter(
        new Writer() {
          @Override
          public void write(char[] buf, int off, int len) {
            s.print(new String(buf, off, len));
          }

          @Override
          public void flush() {
            s.flush();
          }

          @Override
          public void close() {
            s.flush();
          }
        },
        true);
  }

  private static OptionSpec firstOption(List<ArgSpec> specs) {
    return specs.stream()
        .filter(OptionSpec.class::isInstance)
        .map(OptionSpec.class::cast)
        .findFirst()
        .orElse(null);
  }

  /** A word that is not another option: {@code --trace --seed 1} forgot the trace file. */
  static final class Word implements ITypeConverter<String> {
    @Override
    public String convert(String v) {
      if (v.startsWith("--") && v.length() > 2) {
        throw new TypeConversionException("needs a value, got the option '" + v + "'");
      }
      return v;
    }
  }

  /** Any integer (seeds may be negative). */
  static final class WholeNumber implements ITypeConverter<Long> {
    @Override
    public Long convert(String v) {
      try {
        return Long.parseLong(v.trim());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("needs an integer, got '" + v + "'");
      }
    }
  }

  /** A count of at least 1. */
  static final class Positive implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String v) {
      try {
        int n = Integer.parseInt(v.trim());
        if (n >= 1) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below with the option's wording
      }
      throw new TypeConversionException("needs a positive integer, got '" + v + "'");
    }
  }

  /** A curriculum year the suites know: {@link LabTestCatalog#YEARS}. */
  static final class Year implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String v) {
      try {
        return LabTestCatalog.parseYear(v);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
