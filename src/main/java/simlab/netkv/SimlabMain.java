package simlab.netkv;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code test-scripts/simlab}: the {@code server} and {@code client} sub-commands.
 */
@Command(
    name = "simlab",
    mixinStandardHelpOptions = true,
    subcommands = {ServerCommand.class, ClientCommand.class},
    description = "simlab on a real network: run a KV-on-Raft node, or talk to a cluster of them.")
public final class SimlabMain implements Runnable {
  @Override
  public void run() {
    System.err.println("simlab: expected a sub-command: server or client (see --help)");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with simlab's exit codes: 2 for bad options, 1 for unexpected errors. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new SimlabMain());
    cl.setExitCodeExceptionMapper(t -> 1);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine()
              .getErr()
              .println("simlab " + ex.getCommandLine().getCommandName() + ": " + ex.getMessage());
          return 2;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          c.getErr().println("simlab " + c.getCommandName() + ": " + ex);
          return 1;
        });
    return cl;
  }
}
