package simlab.nemesis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The text form of a schedule: one step per line, {@code #} starts a comment, blank lines are
 * ignored. Grammar (times are whole milliseconds with the unit {@code ms}):
 *
 * <pre>
 * step  := "at" TIME fault "for" TIME | "at" TIME "heal"
 * fault := "partition" SET [SET]        second side defaults to "rest"
 *        | "isolate" SET
 *        | "bridge" IDS IDS IDS          left, via, right
 *        | "cut" SET "-&gt;" SET            one way
 *        | "crash" SET                   "crash all" is a power loss
 *        | "crash-leader-after-start"
 *        | "crash-after-commit" SET
 *        | "unreliable" | "reorder" | "duplicate"
 *        | "clog" SET
 *        | "ctrler-cut"                  shardkv1: the controller, mid-change
 * SET   := IDS | "leader" | "minority" | "all" | "rest"
 * IDS   := "[" index* "]"
 * </pre>
 *
 * Example: {@code at 1200ms partition [0 1] [2 3 4] for 800ms}. {@link #print} and {@link #parse}
 * are inverse: {@code parse(print(s)).equals(s)}.
 */
public final class ScheduleFormat {
  private ScheduleFormat() {}

  public static String print(Schedule s) {
    StringBuilder b = new StringBuilder();
    for (Step step : s.steps()) {
      b.append(line(step)).append('\n');
    }
    return b.toString();
  }

  /** One step as a line, without a newline. */
  public static String line(Step step) {
    String body;
    if (step instanceof Step.Partition p) {
      body =
          "partition "
              + p.side().text()
              + (p.other() instanceof NodeSet.Rest ? "" : " " + p.other().text());
    } else if (step instanceof Step.Isolate p) {
      body = "isolate " + p.nodes().text();
    } else if (step instanceof Step.Bridge p) {
      body =
          "bridge "
              + new NodeSet.Ids(p.left()).text()
              + " "
              + new NodeSet.Ids(p.via()).text()
              + " "
              + new NodeSet.Ids(p.right()).text();
    } else if (step instanceof Step.Cut p) {
      body = "cut " + p.from().text() + " -> " + p.to().text();
    } else if (step instanceof Step.Crash p) {
      body = "crash " + p.nodes().text();
    } else if (step instanceof Step.CrashLeaderAfterStart) {
      body = "crash-leader-after-start";
    } else if (step instanceof Step.CrashAfterCommit p) {
      body = "crash-after-commit " + p.nodes().text();
    } else if (step instanceof Step.Unreliable) {
      body = "unreliable";
    } else if (step instanceof Step.Reorder) {
      body = "reorder";
    } else if (step instanceof Step.Duplicate) {
      body = "duplicate";
    } else if (step instanceof Step.Clog p) {
      body = "clog " + p.nodes().text();
    } else if (step instanceof Step.CtrlerCut) {
      body = "ctrler-cut";
    } else {
      return "at " + step.atMs() + "ms heal";
    }
    return "at " + step.atMs() + "ms " + body + " for " + step.forMs() + "ms";
  }

  public static Schedule parse(Path file) throws IOException {
    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Parses {@code text}; {@code source} names it in error messages (a file name). */
  public static Schedule parse(String source, String text) {
    List<Step> steps = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      int hash = l.indexOf('#');
      if (hash >= 0) {
        l = l.substring(0, hash);
      }
      if (l.isBlank()) {
        continue;
      }
      steps.add(new LineParser(source, i + 1, l).step());
    }
    return new Schedule(steps);
  }

  /** Parses one line; every error names the source, the line and what was expected. */
  private static final class LineParser {
    private final String source;
    private final int lineNo;
    private final List<String> tokens;
    private int pos;

    LineParser(String source, int lineNo, String line) {
      this.source = source;
      this.lineNo = lineNo;
      String spaced = line.replace("[", " [ ").replace("]", " ] ").trim();
      this.tokens = List.of(spaced.split("\\s+"));
    }

    Step step() {
      expectWord("at", "'at <time>ms' at the start of a step");
      long at = time("a time like 1200ms after 'at'");
      String kind =
          next(
              "a fault (partition, isolate, bridge, cut, crash, crash-leader-after-start, "
                  + "crash-after-commit, unreliable, reorder, duplicate, clog, ctrler-cut) or heal");
      Step s;
      try {
        s =
            switch (kind) {
              case "heal" -> new Step.Heal(at);
              case "partition" -> {
                NodeSet a = set("the first side of the partition, e.g. [0 1]");
                NodeSet b =
                    peek("for") ? NodeSet.REST : set("the second side of the partition or 'for'");
                yield new Step.Partition(at, a, b, duration());
              }
              case "isolate" ->
                  new Step.Isolate(at, set("the nodes to isolate, e.g. leader or [2]"), duration());
              case "bridge" -> {
                List<Integer> left = ids("the left side of the bridge, e.g. [0 1]");
                List<Integer> via = ids("the bridging node(s), e.g. [2]");
                List<Integer> right = ids("the right side of the bridge, e.g. [3 4]");
                yield new Step.Bridge(at, left, via, right, duration());
              }
              case "cut" -> {
                NodeSet from = set("the senders of the one-way cut");
                expectWord("->", "'->' between the senders and the receivers of the cut");
                NodeSet to = set("the receivers of the one-way cut");
                yield new Step.Cut(at, from, to, duration());
              }
              case "crash" ->
                  new Step.Crash(
                      at, set("the nodes to crash, e.g. [1], minority, leader or all"), duration());
              case "crash-leader-after-start" -> new Step.CrashLeaderAfterStart(at, duration());
              case "crash-after-commit" ->
                  new Step.CrashAfterCommit(
                      at, set("the nodes to crash, e.g. all, minority or leader"), duration());
              case "unreliable" -> new Step.Unreliable(at, duration());
              case "reorder" -> new Step.Reorder(at, duration());
              case "duplicate" -> new Step.Duplicate(at, duration());
              case "clog" ->
                  new Step.Clog(at, set("the nodes to clog, e.g. [0] or leader"), duration());
              case "ctrler-cut" -> new Step.CtrlerCut(at, duration());
              default ->
                  throw error(
                      "expected a fault (partition, isolate, bridge, cut, crash, "
                          + "crash-leader-after-start, crash-after-commit, unreliable, reorder, duplicate, clog, ctrler-cut)"
                          + " or heal, got '"
                          + kind
                          + "'");
            };
      } catch (ScheduleParseException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw error(e.getMessage());
      }
      if (pos < tokens.size()) {
        throw error("expected the end of the line, got '" + tokens.get(pos) + "'");
      }
      return s;
    }

    private long duration() {
      expectWord("for", "'for <duration>ms' after the fault");
      long d = time("a duration like 800ms after 'for'");
      if (d == 0) {
        throw error("expected a duration > 0ms, got 0ms");
      }
      return d;
    }

    private long time(String what) {
      String t = next(what);
      if (!t.endsWith("ms")) {
        throw error("expected " + what + ", got '" + t + "'");
      }
      String digits = t.substring(0, t.length() - 2);
      if (digits.isEmpty()
          || !digits.chars().allMatch(Character::isDigit)
          || digits.length() > 15) {
        throw error("expected " + what + ", got '" + t + "'");
      }
      return Long.parseLong(digits);
    }

    private NodeSet set(String what) {
      String t = next(what);
      return switch (t) {
        case "leader" -> NodeSet.LEADER;
        case "minority" -> NodeSet.MINORITY;
        case "all" -> NodeSet.ALL;
        case "rest" -> NodeSet.REST;
        case "[" -> {
          pos--;
          yield new NodeSet.Ids(ids(what));
        }
        default ->
            throw error(
                "expected "
                    + what
                    + " ([indices], leader, minority, all or rest), got '"
                    + t
                    + "'");
      };
    }

    private List<Integer> ids(String what) {
      String open = next(what);
      if (!open.equals("[")) {
        throw error("expected " + what + " starting with '[', got '" + open + "'");
      }
      List<Integer> ids = new ArrayList<>();
      while (true) {
        String t = next("a node index or ']'");
        if (t.equals("]")) {
          return ids;
        }
        if (!t.chars().allMatch(Character::isDigit) || t.length() > 6) {
          throw error("expected a node index or ']', got '" + t + "'");
        }
        ids.add(Integer.parseInt(t));
      }
    }

    private boolean peek(String word) {
      return pos < tokens.size() && tokens.get(pos).equals(word);
    }

    private void expectWord(String word, String what) {
      String t = next(what);
      if (!t.equals(word)) {
        throw error("expected " + what + ", got '" + t + "'");
      }
    }

    private String next(String what) {
      if (pos >= tokens.size()) {
        throw error("expected " + what + ", got the end of the line");
      }
      return tokens.get(pos++);
    }

    private ScheduleParseException error(String problem) {
      return new ScheduleParseException(source, lineNo, problem);
    }
  }

  /** Lists of explicit indices as text, for log lines. */
  static String ids(List<Integer> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
  }
}
