package simlab.explore;

import java.io.PrintStream;
import picocli.CommandLine;

/**
 * Entry point of {@code test-scripts/explore}: {@code merge} goes to {@link MergeCommand},
 * everything else to {@link ExploreCommand}. Usage errors print one line (and a hint) and exit 2.
 */
public final class ExploreMain {
  private ExploreMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line and returns its exit code (tests call this directly). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    boolean merge = args.length > 0 && args[0].equals("merge");
    Object command = merge ? new MergeCommand(out, err) : new ExploreCommand(out, err);
    CommandLine cl = new CommandLine(command);
    cl.setOut(new java.io.PrintWriter(out, true));
    cl.setErr(new java.io.PrintWriter(err, true));
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println((merge ? "merge: " : "explore: ") + ex.getMessage() + " (see --help)");
          return 2;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          err.println((merge ? "merge: " : "explore: ") + "internal error: " + ex);
          return 3;
        });
    String[] rest = merge ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
    return cl.execute(rest);
  }
}
