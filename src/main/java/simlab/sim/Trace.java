package simlab.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import simlab.json.JsonLines;

/**
 * The record of a run. Every hashed record folds into a 64-bit running hash built only from values
 * that are identical in every JVM (virtual times, String hash codes, ordinals, byte sizes), so the
 * same seed yields the same hash byte for byte. Keeping the records is optional (it costs memory);
 * the hash is always computed.
 *
 * <p>Kept records carry more than the hash sees: a timer's name, the call id linking a request to
 * its reply, the message values (rendered into fields on export), node statuses and annotations.
 * None of it enters the hash, so naming a timer or annotating a check never changes a run's hash.
 */
public final class Trace {
  private long hash = 0x243F6A8885A308D3L;
  private long count;
  private final List<TraceRecord> records;

  public Trace(boolean keepLines) {
    this.records = keepLines ? new ArrayList<>() : null;
  }

  public void record(
      long atNanos, TraceKind kind, String node, String other, String what, long size) {
    record(atNanos, kind, node, other, what, what, size, 0, 0, null);
  }

  /**
   * A hashed record whose kept form shows {@code shown} instead of {@code hashed} and links call
   * {@code call}, second instant {@code at2} and {@code message} (all outside the hash).
   */
  void record(
      long atNanos,
      TraceKind kind,
      String node,
      String other,
      String hashed,
      String shown,
      long size,
      long call,
      long at2,
      Object message) {
    count++;
    long h = hash;
    h = SeedStreams.mix(h ^ atNanos);
    h =
        SeedStreams.mix(
            h ^ ((long) kind.ordinal() << 32 | (node == null ? 0 : node.hashCode() & 0xffffffffL)));
    h =
        SeedStreams.mix(
            h
                ^ ((long) (other == null ? 0 : other.hashCode()) << 32
                    | (hashed == null ? 0 : hashed.hashCode() & 0xffffffffL)));
    hash = SeedStreams.mix(h ^ size);
    if (records != null) {
      records.add(new TraceRecord(atNanos, kind, node, other, shown, size, call, at2, message));
    }
  }

  /**
   * A line kept in the JSON export (if enabled) but left out of the hash: free-form debug output.
   */
  public void note(long atNanos, String node, String message) {
    keep(atNanos, TraceKind.NOTE, node, message);
  }

  /**
   * A timeline mark (kept, never hashed): the harness's faults, phases and checks, or a node's own.
   */
  public void annotate(long atNanos, String node, String text) {
    keep(atNanos, TraceKind.ANNOTATE, node, text);
  }

  /**
   * A node's status as "key=value" pairs (kept, never hashed), drawn over time by the run report.
   */
  public void status(long atNanos, String node, String keyValues) {
    keep(atNanos, TraceKind.STATUS, node, keyValues);
  }

  private void keep(long atNanos, TraceKind kind, String node, String what) {
    if (records != null) {
      records.add(new TraceRecord(atNanos, kind, node, null, what, 0, 0, 0, null));
    }
  }

  public String hashHex() {
    return String.format("%016x", hash);
  }

  public long hash() {
    return hash;
  }

  /** Hashed records so far. */
  public long recordCount() {
    return count;
  }

  public boolean keepsLines() {
    return records != null;
  }

  /** The kept records in order (empty when the trace keeps none); a read-only view. */
  public List<TraceRecord> records() {
    return records == null ? List.of() : Collections.unmodifiableList(records);
  }

  public List<String> lines() {
    if (records == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(records.size());
    for (TraceRecord r : records) {
      out.add(toJson(r));
    }
    return out;
  }

  /** Writes the kept records as JSON Lines, one object per event. */
  public void exportJsonLines(Path out) {
    if (records == null) {
      throw new IllegalStateException(
          "this trace keeps no records; create the simulation with trace lines enabled");
    }
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (TraceRecord r : records) {
        w.write(toJson(r));
        w.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write trace to " + out, e);
    }
  }

  /** One record as JSON: t, kind, node, peer, what, n (size), call, t2, fields (the message's). */
  static String toJson(TraceRecord r) {
    return JsonLines.object(
        g -> {
          g.writeNumberField("t", r.at());
          g.writeStringField("kind", r.kind().name().toLowerCase(Locale.ROOT));
          if (r.node() != null) {
            g.writeStringField("node", r.node());
          }
          if (r.peer() != null) {
            g.writeStringField("peer", r.peer());
          }
          if (r.what() != null) {
            g.writeStringField("what", r.what());
          }
          if (r.size() != 0) {
            g.writeNumberField("n", r.size());
          }
          if (r.call() != 0) {
            g.writeNumberField("call", r.call());
          }
          if (r.at2() != 0) {
            g.writeNumberField("t2", r.at2());
          }
          if (r.message() != null) {
            // MessageFields already renders the message as JSON.
            g.writeFieldName("fields");
            g.writeRawValue(r.fields());
          }
        });
  }
}
