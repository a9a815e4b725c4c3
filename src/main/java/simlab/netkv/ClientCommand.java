package simlab.netkv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import simlab.kv.Op;
import simlab.net.NetException;

/**
 * {@code simlab client --config FILE [COMMAND ...]}: a terminal client of the KV cluster. With a
 * command on the command line it runs that one command and exits; without, it reads commands from
 * standard input, one per line, until {@code exit} or end of input.
 */
@Command(
    name = "client",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Talk to a KV-on-Raft cluster. Commands: put KEY VALUE, append KEY VALUE, get KEY "
          + "(prints the value, or (nil) for a missing key), delete KEY, status (each node's role and the leader), "
          + "help, exit. Given on the command line, one command runs and the client exits; otherwise commands are "
          + "read from standard input, one per line."
    },
    footer = {
      "",
      "Exit status: 0 success; 1 no leader reachable within --timeout (or status found no leader); "
          + "2 bad option, command or configuration file. Interactively, errors are reported and the client "
          + "goes on; the exit status is then 0."
    })
public final class ClientCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description =
          "A configuration file listing the nodes (any node's file, or the cluster's client file).")
  Path config;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "How long one operation may look for a leader (default: ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Option(
      names = "--history",
      paramLabel = "FILE",
      description =
          "Append each operation, with wall-clock call and return times, to this JSON Lines file "
              + "(check it with test-scripts/check-history FILE --model kv).")
  Path historyFile;

  @Parameters(
      paramLabel = "COMMAND",
      arity = "0..*",
      description = "One command to run, e.g. get k.")
  List<String> command;

  private final PrintStream out;
  private final PrintStream err;

  public ClientCommand() {
    this(System.out, System.err);
  }

  ClientCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
    if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
      err.println(
          "simlab client: --timeout must be a number of seconds from 0 to 3600, found "
              + timeoutSeconds);
      return 2;
    }
    ClientInput oneCommand = null;
    if (command != null && !command.isEmpty()) {
      try {
        oneCommand = ClientInput.parse(String.join(" ", command));
      } catch (ClientInput.BadInput e) {
        err.println("simlab client: " + e.getMessage());
        return 2;
      }
    }
    NodeConfig cfg;
    try {
      cfg = NodeConfig.load(config);
    } catch (ConfigException e) {
      err.println("simlab client: " + e.getMessage());
      return 2;
    }
    Duration timeout = Duration.ofMillis((long) (timeoutSeconds * 1000));
    HistoryLog history = null;
    try {
      if (historyFile != null) {
        try {
          history = new HistoryLog(historyFile);
        } catch (IOException e) {
          err.println(
              "simlab client: --history " + historyFile + ": cannot open: " + e.getMessage());
          return 2;
        }
      }
      try (KvClient client = KvClient.connect(cfg, history)) {
        if (oneCommand != null) {
          return run(client, cfg, oneCommand, timeout);
        }
        return interactive(client, cfg, timeout);
      }
    } catch (NetException e) {
      err.println("simlab client: " + e.getMessage());
      return 1;
    } finally {
      if (history != null) {
        history.close();
      }
    }
  }

  private int interactive(KvClient client, NodeConfig cfg, Duration timeout) throws IOException {
    boolean prompt = System.console() != null;
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    while (true) {
      if (prompt) {
        out.print("simlab> ");
        out.flush();
      }
      String line = in.readLine();
      if (line == null) {
        return 0;
      }
      ClientInput input;
      try {
        input = ClientInput.parse(line);
      } catch (ClientInput.BadInput e) {
        err.println("error: " + e.getMessage());
        continue;
      }
      if (input.kind() == ClientInput.Kind.EXIT) {
        return 0;
      }
      run(client, cfg, input, timeout);
    }
  }

  /** Runs one command; returns its exit status. */
  int run(KvClient client, NodeConfig cfg, ClientInput input, Duration timeout) {
    switch (input.kind()) {
      case EMPTY, EXIT:
        return 0;
      case HELP:
        out.println(ClientInput.USAGE);
        return 0;
      case STATUS:
        return status(client, cfg);
      default:
        break;
    }
    try {
      Optional<String> value = client.run(input.op(), input.key(), input.value(), timeout);
      out.println(input.op() == Op.GET ? value.orElse("(nil)") : "OK");
      out.flush();
      return 0;
    } catch (NoLeaderException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private int status(KvClient client, NodeConfig cfg) {
    String leader = "none";
    int leaderTerm = -1;
    for (String id : cfg.ids()) {
      Optional<NodeStatus> st = client.status(id);
      if (st.isPresent()) {
        out.println(
            id + " up term " + st.get().term() + (st.get().leader() ? " leader" : " follower"));
        if (st.get().leader() && st.get().term() > leaderTerm) {
          leader = id;
          leaderTerm = st.get().term();
        }
      } else {
        out.println(id + " down");
      }
    }
    out.println("leader: " + leader);
    out.flush();
    return leader.equals("none") ? 1 : 0;
  }
}
