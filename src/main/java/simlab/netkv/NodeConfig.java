package simlab.netkv;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One node's (or a client's) configuration file, in properties syntax:
 *
 * <pre>
 * # node 1 of a 3-node cluster
 * node.1 = 127.0.0.1:7101
 * node.2 = 127.0.0.1:7102
 * node.3 = 127.0.0.1:7103
 * data.dir = data/1          # relative to this file's directory; servers only
 * max.raft.state = 1048576   # optional: snapshot once the Raft state reaches this many bytes
 * rpc.timeout.ms = 1000      # optional: a call with no answer after this long is "no reply"
 * </pre>
 *
 * Every node's file lists the same nodes. Raft numbers the peers by id (numerically when ids are
 * numbers), so the files may list them in any order. Errors name the file and line.
 */
public record NodeConfig(
    Path file,
    Map<String, InetSocketAddress> nodes,
    Optional<Path> dataDir,
    int maxRaftState,
    Duration rpcTimeout) {

  public static final int DEFAULT_MAX_RAFT_STATE = 1 << 20;
  public static final Duration DEFAULT_RPC_TIMEOUT = Duration.ofSeconds(1);

  private static final Pattern LINE = Pattern.compile("\\s*([^=:\\s]+)\\s*[=:]\\s*(.*?)\\s*");
  private static final Pattern NODE_KEY = Pattern.compile("node\\.([A-Za-z0-9_-]+)");
  private static final Pattern ADDRESS =
      Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:]+\\]):([0-9]{1,5})");

  /** Node ids in Raft's order: numbers numerically, then other ids alphabetically. */
  public static final Comparator<String> ID_ORDER =
      (a, b) -> {
        boolean na = a.chars().allMatch(Character::isDigit) && a.length() < 10;
        boolean nb = b.chars().allMatch(Character::isDigit) && b.length() < 10;
        if (na && nb) {
          return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return na != nb ? (na ? -1 : 1) : a.compareTo(b);
      };

  /** The node ids in Raft's order (a server's index in this list is its Raft {@code me}). */
  public List<String> ids() {
    return List.copyOf(nodes.keySet());
  }

  /** The data directory a server needs; an error naming the file when the file has none. */
  public Path requireDataDir(String id) throws ConfigException {
    return dataDir.orElseThrow(
        () ->
            ConfigException.in(
                file.toString(),
                "missing data.dir = PATH (the directory where node "
                    + id
                    + " keeps its Raft state)"));
  }

  /** Checks that {@code id} is one of the configured nodes. */
  public void requireNode(String id) throws ConfigException {
    if (!nodes.containsKey(id)) {
      throw ConfigException.in(
          file.toString(),
          "node "
              + id
              + " is not listed; the file lists node."
              + String.join(", node.", nodes.keySet()));
    }
  }

  public static NodeConfig load(Path file) throws ConfigException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw ConfigException.in(file.toString(), "no such file");
    } catch (MalformedInputException e) {
      throw ConfigException.in(file.toString(), "not UTF-8 text");
    } catch (IOException e) {
      throw ConfigException.in(file.toString(), "cannot read: " + e.getMessage());
    }
    return parse(file, lines);
  }

  public static NodeConfig parse(Path file, List<String> lines) throws ConfigException {
    String name = file.toString();
    Map<String, InetSocketAddress> nodes = new TreeMap<>(ID_ORDER);
    Map<String, Integer> lineOfKey = new LinkedHashMap<>();
    Map<String, String> lineOfAddress = new LinkedHashMap<>();
    Path dataDir = null;
    int maxRaftState = DEFAULT_MAX_RAFT_STATE;
    Duration rpcTimeout = DEFAULT_RPC_TIMEOUT;
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String raw = lines.get(i);
      String text = stripComment(raw).strip();
      if (text.isEmpty()) {
        continue;
      }
      Matcher m = LINE.matcher(text);
      if (!m.matches()) {
        throw ConfigException.at(
            name,
            lineNo,
            "expected KEY = VALUE (keys: node.ID, data.dir, max.raft.state, "
                + "rpc.timeout.ms) but found \""
                + text
                + "\"");
      }
      String key = m.group(1);
      String value = m.group(2);
      Integer earlier = lineOfKey.putIfAbsent(key, lineNo);
      if (earlier != null) {
        throw ConfigException.at(
            name, lineNo, key + " is set twice (first on line " + earlier + ")");
      }
      if (value.isEmpty()) {
        throw ConfigException.at(name, lineNo, "expected a value for " + key);
      }
      Matcher node = NODE_KEY.matcher(key);
      if (node.matches()) {
        String id = node.group(1);
        InetSocketAddress address = address(name, lineNo, key, value);
        String where = address.getHostString() + ":" + address.getPort();
        String other = lineOfAddress.putIfAbsent(where, key + " on line " + lineNo);
        if (other != null) {
          throw ConfigException.at(
              name, lineNo, key + " has the address " + where + ", already used by " + other);
        }
        nodes.put(id, address);
      } else if (key.equals("data.dir")) {
        Path base = file.toAbsolutePath().getParent();
        dataDir = base == null ? Path.of(value) : base.resolve(value).normalize();
      } else if (key.equals("max.raft.state")) {
        maxRaftState = (int) number(name, lineNo, key, value, -1, Integer.MAX_VALUE);
      } else if (key.equals("rpc.timeout.ms")) {
        rpcTimeout = Duration.ofMillis(number(name, lineNo, key, value, 1, 600_000));
      } else if (key.startsWith("node.")) {
        throw ConfigException.at(
            name,
            lineNo,
            "expected node.ID with an ID of letters, digits, '_' or '-' but found " + key);
      } else {
        throw ConfigException.at(
            name,
            lineNo,
            "unknown key "
                + key
                + " (keys: node.ID, data.dir, max.raft.state, "
                + "rpc.timeout.ms)");
      }
    }
    if (nodes.isEmpty()) {
      throw ConfigException.in(name, "lists no nodes; expected lines like node.1 = 127.0.0.1:7101");
    }
    return new NodeConfig(
        file, new LinkedHashMap<>(nodes), Optional.ofNullable(dataDir), maxRaftState, rpcTimeout);
  }

  private static String stripComment(String line) {
    String t = line.stripLeading();
    if (t.startsWith("#") || t.startsWith("!")) {
      return "";
    }
    int hash = line.indexOf(" #");
    return hash >= 0 ? line.substring(0, hash) : line;
  }

  private static InetSocketAddress address(String file, int line, String key, String value)
      throws ConfigException {
    Matcher m = ADDRESS.matcher(value);
    if (!m.matches()) {
      throw ConfigException.at(
          file,
          line,
          "expected "
              + key
              + " = HOST:PORT (for example 127.0.0.1:7101) but found \""
              + value
              + "\"");
    }
    int port = Integer.parseInt(m.group(2));
    if (port < 1 || port > 65535) {
      throw ConfigException.at(
          file, line, "expected a port from 1 to 65535 in " + key + " but found " + port);
    }
    String host =
        m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
    return InetSocketAddress.createUnresolved(host, port);
  }

  private static long number(String file, int line, String key, String value, long min, long max)
      throws ConfigException {
    try {
      long n = Long.parseLong(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ConfigException.at(
        file,
        line,
        "expected "
            + key
            + " to be an integer from "
            + min
            + " to "
            + max
            + " but found \""
            + value
            + "\"");
  }

  /** The addresses, resolved for connecting and binding. */
  public Map<String, InetSocketAddress> resolved() {
    Map<String, InetSocketAddress> out = new LinkedHashMap<>();
    for (Map.Entry<String, InetSocketAddress> e : nodes.entrySet()) {
      out.put(
          e.getKey(), new InetSocketAddress(e.getValue().getHostString(), e.getValue().getPort()));
    }
    return out;
  }

  /** Lists the nodes as "1=127.0.0.1:7101, 2=..." for messages. */
  public String describeNodes() {
    List<String> parts = new ArrayList<>();
    nodes.forEach((id, a) -> parts.add(id + "=" + a.getHostString() + ":" + a.getPort()));
    return String.join(", ", parts);
  }
}
