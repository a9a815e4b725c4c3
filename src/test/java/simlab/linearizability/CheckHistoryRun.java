package simlab.linearizability;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import simlab.cli.CheckHistoryCommand;

/** Runs check-history in-process and captures what it prints, for the command's tests. */
record CheckHistoryRun(int exit, String out, String err) {

  static CheckHistoryRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = CheckHistoryCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new CheckHistoryRun(exit, out.toString(), err.toString());
  }
}
