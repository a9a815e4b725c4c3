package simlab.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Fault periods as bands: crashes and clogs per lane, unreliable and reordering periods of the
 * network, and partitions among the servers (from the per-link up/down records: two servers are on
 * one side when both directions between them are up). A server outside the largest side gets a
 * "cut" band on its own lane.
 */
final class Bands {
  private final ToIntFunction<String> laneOf;
  private final List<String> servers;
  private final boolean numbered;
  private final String prefix;
  private final Set<String> down = new LinkedHashSet<>();
  private final List<Object[]> rows = new ArrayList<>(); // kind, lane, start, end, text
  private final Map<String, Long> openCrash = new TreeMap<>();
  private final Map<String, Long> openClog = new TreeMap<>();
  private final Map<String, Long> openCut = new TreeMap<>();
  private long unreliableSince = -1;
  private long reorderSince = -1;
  private String partition;
  private long partitionSince;
  private boolean dirty;
  private long dirtyAt;

  Bands(ToIntFunction<String> laneOf, Set<String> servers, List<String> lanes) {
    this.laneOf = laneOf;
    this.servers = List.copyOf(servers);
    String p = this.servers.isEmpty() ? "" : this.servers.get(0).replaceAll("\\d+$", "");
    boolean same = !p.isEmpty();
    for (String s : this.servers) {
      same &= s.startsWith(p) && s.substring(p.length()).matches("\\d+");
    }
    this.numbered = same;
    this.prefix = p;
  }

  void crash(long t, String node, boolean crashed) {
    settle(t);
    if (crashed) {
      openCrash.putIfAbsent(node, t);
    } else {
      Long since = openCrash.remove(node);
      if (since != null) {
        add("crash", laneOf.applyAsInt(node), since, t, "crashed");
      }
    }
  }

  void link(long t, String node, String peer, String what) {
    settle(t);
    switch (what == null ? "" : what) {
      case "unreliable" -> {
        if (unreliableSince < 0) {
          unreliableSince = t;
        }
      }
      case "reliable" -> {
        if (unreliableSince >= 0) {
          add("unreliable", -1, unreliableSince, t, "unreliable network");
          unreliableSince = -1;
        }
      }
      case "long-reordering" -> {
        if (reorderSince < 0) {
          reorderSince = t;
        }
      }
      case "no-reordering" -> {
        if (reorderSince >= 0) {
          add("reorder", -1, reorderSince, t, "long reordering");
          reorderSince = -1;
        }
      }
      case "clog" -> openClog.putIfAbsent(node, t);
      case "unclog" -> {
        Long since = openClog.remove(node);
        if (since != null) {
          add("clog", laneOf.applyAsInt(node), since, t, "clogged");
        }
      }
      case "down", "up" -> {
        if (node != null && peer != null && servers.contains(node) && servers.contains(peer)) {
          String key = node + "\u0000" + peer;
          if (what.equals("down") ? down.add(key) : down.remove(key)) {
            dirty = true;
            dirtyAt = t;
          }
        }
      }
      default -> {}
    }
  }

  /** Applies the link changes of an earlier instant before anything at a later one. */
  private void settle(long t) {
    if (dirty && t != dirtyAt) {
      evaluate(dirtyAt);
    }
  }

  private void evaluate(long t) {
    dirty = false;
    List<List<String>> groups = groups();
    String text = null;
    int largest = 0;
    for (List<String> g : groups) {
      largest = Math.max(largest, g.size());
    }
    if (groups.size() > 1) {
      StringBuilder sb = new StringBuilder();
      for (List<String> g : groups) {
        sb.append(sb.length() == 0 ? "[" : " [");
        for (int i = 0; i < g.size(); i++) {
          sb.append(i == 0 ? "" : " ")
              .append(numbered ? g.get(i).substring(prefix.length()) : g.get(i));
        }
        sb.append(']');
      }
      text = sb.toString();
    }
    if (!java.util.Objects.equals(text, partition)) {
      if (partition != null) {
        add("partition", -1, partitionSince, t, partition);
      }
      partition = text;
      partitionSince = t;
    }
    boolean claimed = false;
    for (List<String> g : groups) {
      boolean main = g.size() == largest && !claimed;
      claimed |= main;
      for (String s : g) {
        if (main || groups.size() == 1) {
          Long since = openCut.remove(s);
          if (since != null) {
            add("cut", laneOf.applyAsInt(s), since, t, "cut off from the largest side");
          }
        } else {
          openCut.putIfAbsent(s, t);
        }
      }
    }
  }

  private List<List<String>> groups() {
    List<List<String>> groups = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String s : servers) {
      if (seen.add(s)) {
        List<String> g = new ArrayList<>();
        List<String> todo = new ArrayList<>(List.of(s));
        while (!todo.isEmpty()) {
          String x = todo.remove(todo.size() - 1);
          g.add(x);
          for (String y : servers) {
            if (!seen.contains(y)
                && !down.contains(x + "\u0000" + y)
                && !down.contains(y + "\u0000" + x)) {
              seen.add(y);
              todo.add(y);
            }
          }
        }
        g.sort(ReportData::compareNames);
        groups.add(g);
      }
    }
    return groups;
  }

  void finish(long end) {
    if (dirty) {
      evaluate(dirtyAt);
    }
    openCrash.forEach((n, since) -> add("crash", laneOf.applyAsInt(n), since, end, "crashed"));
    openClog.forEach((n, since) -> add("clog", laneOf.applyAsInt(n), since, end, "clogged"));
    openCut.forEach(
        (n, since) ->
            add("cut", laneOf.applyAsInt(n), since, end, "cut off from the largest side"));
    if (unreliableSince >= 0) {
      add("unreliable", -1, unreliableSince, end, "unreliable network");
    }
    if (reorderSince >= 0) {
      add("reorder", -1, reorderSince, end, "long reordering");
    }
    if (partition != null) {
      add("partition", -1, partitionSince, end, partition);
    }
  }

  private void add(String kind, int lane, long a, long b, String text) {
    rows.add(new Object[] {kind, lane, a, b, text});
  }

  String json(Columns.Strings s) {
    Columns.Ints k = new Columns.Ints(false);
    Columns.Ints n = new Columns.Ints(false);
    Columns.Ints a = new Columns.Ints(false);
    Columns.Ints b = new Columns.Ints(false);
    Columns.Ints w = new Columns.Ints(false);
    for (Object[] r : rows) {
      k.add(s.of((String) r[0]));
      n.add((Integer) r[1]);
      a.add((Long) r[2]);
      b.add((Long) r[3]);
      w.add(s.of((String) r[4]));
    }
    return "{\"k\":" + k.json() + ",\"n\":" + n.json() + ",\"a\":" + a.json() + ",\"b\":" + b.json()
        + ",\"w\":" + w.json() + "}";
  }
}
