package simlab.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import simlab.json.JsonLines;

/**
 * The record of a run. Every record folds into a 64-bit running hash built only from
 * values that are identical in every JVM (virtual times, String hash codes, ordinals,
 * byte sizes), so the same seed yields the same hash byte for byte. Keeping the full
 * record list is optional (it costs memory); the hash is always computed.
 */
public final class Trace {
  private long hash = 0x243F6A8885A308D3L;
  private long count;
  private final List<String> lines;

  public Trace(boolean keepLines) {
    this.lines = keepLines ? new ArrayList<>() : null;
  }

  public void record(long atNanos, TraceKind kind, String node, String other, String what, long size) {
    count++;
    long h = hash;
    h = SeedStreams.mix(h ^ atNanos);
    h = SeedStreams.mix(h ^ ((long) kind.ordinal() << 32 | (node == null ? 0 : node.hashCode() & 0xffffffffL)));
    h = SeedStreams.mix(h ^ ((long) (other == null ? 0 : other.hashCode()) << 32 | (what == null ? 0 : what.hashCode() & 0xffffffffL)));
    hash = SeedStreams.mix(h ^ size);
    if (lines != null) {
      lines.add(toJson(atNanos, kind, node, other, what, size));
    }
  }

  /** A line kept in the JSON export (if enabled) but left out of the hash: free-form debug output. */
  public void note(long atNanos, String node, String message) {
    if (lines != null) {
      lines.add(toJson(atNanos, TraceKind.NOTE, node, null, message, 0));
    }
  }

  public String hashHex() {
    return String.format("%016x", hash);
  }

  public long hash() {
    return hash;
  }

  public long recordCount() {
    return count;
  }

  public boolean keepsLines() {
    return lines != null;
  }

  public List<String> lines() {
    return lines == null ? List.of() : List.copyOf(lines);
  }

  /** Writes the kept records as JSON Lines, one object per event. */
  public void exportJsonLines(Path out) {
    if (lines == null) {
      throw new IllegalStateException("this trace keeps no records; create the simulation with trace lines enabled");
    }
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (String l : lines) {
        w.write(l);
        w.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write trace to " + out, e);
    }
  }

  private static String toJson(long atNanos, TraceKind kind, String node, String other, String what, long size) {
    return JsonLines.object(g -> {
      g.writeNumberField("t", atNanos);
      g.writeStringField("kind", kind.name().toLowerCase(Locale.ROOT));
      if (node != null) {
        g.writeStringField("node", node);
      }
      if (other != null) {
        g.writeStringField("peer", other);
      }
      if (what != null) {
        g.writeStringField("what", what);
      }
      if (size != 0) {
        g.writeNumberField("n", size);
      }
    });
  }
}
