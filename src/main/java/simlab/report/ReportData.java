package simlab.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import simlab.json.JsonLines;
import simlab.sim.TraceKind;
import simlab.sim.TraceRecord;

/**
 * Turns a kept trace into the report's data: lanes, calls (request, delivery, reply, loss), point
 * events, statuses, annotations, fault bands and client operations, as one JSON object of columns.
 * Times are microseconds of virtual time.
 */
final class ReportData {
  /** How a call ended, in the order the page's legend uses. */
  static final int OK = 0;

  static final int REQUEST_LOST = 1;
  static final int UNREACHABLE = 2;
  static final int REPLY_LOST = 3;
  static final int NO_REPLY = 4;
  static final int PENDING = 5;

  private final Columns.Strings strings = new Columns.Strings();
  private final List<String> lanes;
  private final Map<String, Integer> laneOf = new LinkedHashMap<>();

  /**
   * Nodes that serve requests or publish a status: drawn first, and the ones partitions are about.
   */
  private final Set<String> servers = new TreeSet<>(ReportData::compareNames);

  private long endUs;
  private int callCount;
  private int annotationCount;

  private static final class Call {
    long send;
    int from;
    int to;
    String type;
    long bytes;
    long deliver = -1;
    long replySent = -1;
    long replyAt = -1;
    long end = -1;
    int outcome = -1;
    Object request;
    Object reply;
  }

  private final List<TraceRecord> records;
  private final String json;

  ReportData(List<TraceRecord> records, long endNanos, List<Annotation> extra) {
    this.records = records;
    this.endUs = endNanos / 1000;
    Set<String> names = new LinkedHashSet<>();
    Set<String> seenServers = new java.util.HashSet<>();
    for (TraceRecord r : records) {
      addName(names, r.node());
      if (r.kind() != TraceKind.LINK && r.kind() != TraceKind.ANNOTATE) {
        addName(names, r.peer());
      }
      if ((r.kind() == TraceKind.DELIVER || r.kind() == TraceKind.STATUS)
          && seenServers.add(r.node())) {
        servers.add(r.node());
      }
      endUs = Math.max(endUs, us(r.at()));
    }
    List<String> ordered = new ArrayList<>(servers);
    List<String> others = new ArrayList<>();
    for (String n : names) {
      if (!servers.contains(n)) {
        others.add(n);
      }
    }
    others.sort(ReportData::compareNames);
    ordered.addAll(others);
    this.lanes = List.copyOf(ordered);
    for (int i = 0; i < lanes.size(); i++) {
      laneOf.put(lanes.get(i), i);
    }
    this.json = build(extra);
  }

  /** An annotation from outside the trace (the failure, say). */
  record Annotation(long atNanos, String text) {}

  String json() {
    return json;
  }

  int laneCount() {
    return lanes.size();
  }

  int callCount() {
    return callCount;
  }

  int annotationCount() {
    return annotationCount;
  }

  private static void addName(Set<String> names, String n) {
    if (n != null && !n.equals("nemesis")) {
      names.add(n);
    }
  }

  private static long us(long nanos) {
    return nanos / 1000;
  }

  private int lane(String node) {
    Integer i = node == null ? null : laneOf.get(node);
    return i == null ? -1 : i;
  }

  /** Orders "raft-2" before "raft-10": by prefix, then by the trailing number. */
  static int compareNames(String a, String b) {
    String pa = a.replaceAll("\\d+$", "");
    String pb = b.replaceAll("\\d+$", "");
    int c = pa.compareTo(pb);
    if (c != 0) {
      return c;
    }
    String na = a.substring(pa.length());
    String nb = b.substring(pb.length());
    if (!na.isEmpty() && !nb.isEmpty() && na.length() < 10 && nb.length() < 10) {
      return Long.compare(Long.parseLong(na), Long.parseLong(nb));
    }
    return a.compareTo(b);
  }

  private String build(List<Annotation> extra) {
    List<Call> calls = new ArrayList<>();
    Map<Long, Call> byId = new TreeMap<>();
    Columns.Ints evT = new Columns.Ints(true);
    Columns.Ints evK = new Columns.Ints(false);
    Columns.Ints evN = new Columns.Ints(false);
    Columns.Ints evW = new Columns.Ints(false);
    Columns.Ints stT = new Columns.Ints(true);
    Columns.Ints stN = new Columns.Ints(false);
    Columns.Ints stR = new Columns.Ints(false);
    Columns.Ints stTerm = new Columns.Ints(false);
    Columns.Ints stW = new Columns.Ints(false);
    List<long[]> ann = new ArrayList<>(); // at, lane, text
    Bands bands = new Bands(this::lane, servers, lanes);
    Ops ops = new Ops();
    for (TraceRecord r : records) {
      long t = us(r.at());
      switch (r.kind()) {
        case SEND -> {
          Call c = new Call();
          c.send = t;
          c.from = lane(r.node());
          c.to = lane(r.peer());
          c.type = r.what();
          c.bytes = r.size();
          c.request = r.message();
          calls.add(c);
          byId.put(r.call(), c);
        }
        case DELIVER -> on(byId, r, c -> c.deliver = t);
        case DROP ->
            on(
                byId,
                r,
                c -> {
                  String w = r.what() == null ? "" : r.what();
                  c.outcome =
                      w.endsWith(":unreachable")
                          ? UNREACHABLE
                          : w.endsWith(":request") ? REQUEST_LOST : REPLY_LOST;
                  if (c.outcome == REPLY_LOST) {
                    c.replySent = t;
                    c.reply = r.message();
                  }
                });
        case REPLY ->
            on(
                byId,
                r,
                c -> {
                  c.replyAt = t;
                  c.replySent = us(r.at2());
                  c.reply = r.message();
                  c.outcome = OK;
                });
        case NO_REPLY ->
            on(
                byId,
                r,
                c -> {
                  c.end = t;
                  if (c.outcome < 0) {
                    c.outcome = NO_REPLY;
                  }
                });
        case STATUS -> {
          stT.add(t);
          stN.add(lane(r.node()));
          stR.add(strings.of(value(r.what(), "role")));
          String term = value(r.what(), "term");
          stTerm.add(term == null || !term.matches("-?\\d{1,9}") ? -1 : Long.parseLong(term));
          stW.add(strings.of(r.what()));
        }
        case ANNOTATE -> ann.add(new long[] {t, lane(r.node()), strings.of(r.what())});
        case INVOKE -> ops.invoke(lane(r.node()), t, r.what());
        case RETURN -> ops.ret(lane(r.node()), t, r.what());
        case LINK -> {
          if ("nemesis".equals(r.node())) {
            ann.add(new long[] {t, -1, strings.of("nemesis: " + r.what())});
          } else {
            bands.link(t, r.node(), r.peer(), r.what());
          }
        }
        case CRASH, RESTART -> {
          bands.crash(t, r.node(), r.kind() == TraceKind.CRASH);
          point(evT, evK, evN, evW, t, r, r.kind() == TraceKind.CRASH ? "crashed" : "restarted");
        }
        case TIMER, APPLY, NOTE -> point(evT, evK, evN, evW, t, r, r.what());
        default -> {}
      }
    }
    for (Annotation a : extra) {
      ann.add(new long[] {us(a.atNanos()), -1, strings.of(a.text())});
    }
    ann.sort(Comparator.comparingLong(a -> a[0]));
    annotationCount = ann.size();
    callCount = calls.size();

    Columns.Ints cT = new Columns.Ints(true);
    Columns.Ints cF = new Columns.Ints(false);
    Columns.Ints cTo = new Columns.Ints(false);
    Columns.Ints cTy = new Columns.Ints(false);
    Columns.Ints cD = new Columns.Ints(false);
    Columns.Ints cRs = new Columns.Ints(false);
    Columns.Ints cRa = new Columns.Ints(false);
    Columns.Ints cE = new Columns.Ints(false);
    Columns.Ints cO = new Columns.Ints(false);
    Columns.Ints cQ = new Columns.Ints(false);
    Columns.Ints cP = new Columns.Ints(false);
    Columns.Ints cB = new Columns.Ints(false);
    for (Call c : calls) {
      cT.add(c.send);
      cF.add(c.from);
      cTo.add(c.to);
      cTy.add(strings.of(c.type));
      cD.add(c.deliver < 0 ? -1 : c.deliver - c.send);
      cRs.add(c.replySent < 0 ? -1 : c.replySent - c.send);
      cRa.add(c.replyAt < 0 ? -1 : c.replyAt - c.send);
      cE.add(c.end < 0 ? -1 : c.end - c.send);
      cO.add(c.outcome < 0 ? PENDING : c.outcome);
      cQ.add(c.request == null ? -1 : strings.of(simlab.sim.MessageFields.json(c.request)));
      cP.add(c.reply == null ? -1 : strings.of(simlab.sim.MessageFields.json(c.reply)));
      cB.add(c.bytes);
    }
    Columns.Ints aT = new Columns.Ints(false);
    Columns.Ints aN = new Columns.Ints(false);
    Columns.Ints aW = new Columns.Ints(false);
    for (long[] a : ann) {
      aT.add(a[0]);
      aN.add(a[1]);
      aW.add(a[2]);
    }
    bands.finish(endUs);
    ops.finish();

    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("{\"end\":").append(endUs);
    sb.append(",\"lanes\":");
    appendStrings(sb, lanes);
    sb.append(",\"servers\":").append(servers.size());
    sb.append(",\"calls\":{\"t\":")
        .append(cT.json())
        .append(",\"f\":")
        .append(cF.json())
        .append(",\"to\":")
        .append(cTo.json())
        .append(",\"ty\":")
        .append(cTy.json())
        .append(",\"d\":")
        .append(cD.json())
        .append(",\"rs\":")
        .append(cRs.json())
        .append(",\"ra\":")
        .append(cRa.json())
        .append(",\"e\":")
        .append(cE.json())
        .append(",\"o\":")
        .append(cO.json())
        .append(",\"q\":")
        .append(cQ.json())
        .append(",\"p\":")
        .append(cP.json())
        .append(",\"b\":")
        .append(cB.json())
        .append('}');
    sb.append(",\"ev\":{\"t\":")
        .append(evT.json())
        .append(",\"k\":")
        .append(evK.json())
        .append(",\"n\":")
        .append(evN.json())
        .append(",\"w\":")
        .append(evW.json())
        .append('}');
    sb.append(",\"st\":{\"t\":")
        .append(stT.json())
        .append(",\"n\":")
        .append(stN.json())
        .append(",\"r\":")
        .append(stR.json())
        .append(",\"term\":")
        .append(stTerm.json())
        .append(",\"w\":")
        .append(stW.json())
        .append('}');
    sb.append(",\"an\":{\"t\":")
        .append(aT.json())
        .append(",\"n\":")
        .append(aN.json())
        .append(",\"w\":")
        .append(aW.json())
        .append('}');
    sb.append(",\"bands\":").append(bands.json(strings));
    sb.append(",\"ops\":").append(ops.json(strings));
    sb.append(",\"strs\":").append(strings.json());
    return sb.append('}').toString();
  }

  private void point(
      Columns.Ints t,
      Columns.Ints k,
      Columns.Ints n,
      Columns.Ints w,
      long at,
      TraceRecord r,
      String what) {
    t.add(at);
    k.add(strings.of(r.kind().name().toLowerCase()));
    n.add(lane(r.node()));
    w.add(strings.of(what));
  }

  private static void on(Map<Long, Call> byId, TraceRecord r, java.util.function.Consumer<Call> f) {
    Call c = byId.get(r.call());
    if (c != null) {
      f.accept(c);
    }
  }

  /** The value of {@code key} in "k=v k=v" text, or null. */
  static String value(String keyValues, String key) {
    if (keyValues == null) {
      return null;
    }
    for (String part : keyValues.trim().split("\\s+")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).equals(key)) {
        return part.substring(eq + 1);
      }
    }
    return null;
  }

  private static void appendStrings(StringBuilder sb, List<String> list) {
    sb.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(JsonLines.string(list.get(i)));
    }
    sb.append(']');
  }

  /** Client operations: one open operation per client lane, closed by its return. */
  private static final class Ops {
    private final Columns.Ints n = new Columns.Ints(false);
    private final Columns.Ints a = new Columns.Ints(false);
    private final Columns.Ints b = new Columns.Ints(false);
    private final List<String> in = new ArrayList<>();
    private final List<String> out = new ArrayList<>();
    private final List<long[]> rows = new ArrayList<>(); // lane, start, end
    private final Map<Integer, Integer> open = new TreeMap<>();

    void invoke(int lane, long t, String what) {
      open.put(lane, rows.size());
      rows.add(new long[] {lane, t, -1});
      in.add(what);
      out.add(null);
    }

    void ret(int lane, long t, String what) {
      Integer i = open.remove(lane);
      if (i != null) {
        rows.get(i)[2] = t;
        out.set(i, what);
      }
    }

    void finish() {
      for (long[] r : rows) {
        n.add(r[0]);
        a.add(r[1]);
        b.add(r[2]);
      }
    }

    String json(Columns.Strings s) {
      Columns.Ints i = new Columns.Ints(false);
      Columns.Ints o = new Columns.Ints(false);
      for (int k = 0; k < in.size(); k++) {
        i.add(s.of(in.get(k)));
        o.add(s.of(out.get(k)));
      }
      return "{\"n\":" + n.json() + ",\"a\":" + a.json() + ",\"b\":" + b.json() + ",\"i\":"
          + i.json() + ",\"o\":" + o.json() + "}";
    }
  }
}
