package simlab.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import simlab.json.JsonLines;
import simlab.sim.Simulation;
import simlab.sim.TraceRecord;

/**
 * Writes the run report of one simulation: {@code <dir>/index.html}, a single offline file (inline
 * CSS and JS, data gzipped and base64-encoded, drawn on a canvas). The simulation must keep its
 * trace ({@code new Simulation(seed, true)}).
 */
public final class RunReport {
  /** What the page says about the run besides its trace. */
  public record Info(
      String test,
      long seed,
      boolean passed,
      String failure,
      String replayCommand,
      String traceHash,
      Path historyHtml) {}

  /** The written file and what went into it. */
  public record Written(Path file, long bytes, int lanes, int calls, int annotations) {}

  private RunReport() {}

  /**
   * Writes {@code dir/index.html} (creating {@code dir}); throws UncheckedIOException if it cannot.
   */
  public static Written write(Simulation sim, Info info, Path dir) {
    if (!sim.trace().keepsLines()) {
      throw new IllegalStateException(
          "the simulation keeps no trace; a report needs new Simulation(seed, true)");
    }
    Path file = dir.resolve("index.html");
    List<ReportData.Annotation> extra = new ArrayList<>();
    if (!info.passed() && info.failure() != null) {
      extra.add(
          new ReportData.Annotation(
              sim.nowNanos(), "FAILED: " + info.failure().lines().findFirst().orElse("")));
    }
    ReportData data = new ReportData(sim.trace().records(), sim.nowNanos(), extra);
    String history = null;
    if (info.historyHtml() != null && Files.exists(info.historyHtml())) {
      Path abs = info.historyHtml().toAbsolutePath().normalize();
      Path base = dir.toAbsolutePath().normalize();
      history =
          base.getRoot() != null && base.getRoot().equals(abs.getRoot())
              ? base.relativize(abs).toString().replace('\\', '/')
              : abs.toUri().toString();
    }
    String html = html(data, info, history);
    try {
      Files.createDirectories(dir);
      byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
      Files.write(file, bytes);
      return new Written(
          file, bytes.length, data.laneCount(), data.callCount(), data.annotationCount());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the run report " + file + ": " + e.getMessage(), e);
    }
  }

  /** The records of a trace as report data (for tests of the data alone). */
  static String dataJson(List<TraceRecord> records, long endNanos) {
    return new ReportData(records, endNanos, List.of()).json();
  }

  private static String html(ReportData data, Info info, String historyHref) {
    StringBuilder meta = new StringBuilder("{");
    field(meta, "test", info.test()).append(',');
    meta.append("\"seed\":").append(info.seed()).append(',');
    meta.append("\"passed\":").append(info.passed()).append(',');
    field(meta, "failure", info.failure()).append(',');
    field(meta, "replay", info.replayCommand()).append(',');
    field(meta, "hash", info.traceHash()).append(',');
    field(meta, "history", historyHref);
    meta.append('}');
    String template = resource("report.html");
    // trusted parts first, the run's own text (which could contain anything) last
    return template
        .replace("/*CSS*/", resource("report.css"))
        .replace("/*JS*/", resource("report.js"))
        .replace("/*DATA*/", gzipBase64(data.json()))
        .replace("<!--TITLE-->", escapeHtml(info.test() + " seed " + info.seed()))
        .replace("/*META*/", meta.toString().replace("</", "<\\/"));
  }

  private static StringBuilder field(StringBuilder sb, String name, String value) {
    sb.append('"').append(name).append("\":");
    sb.append(JsonLines.string(value));
    return sb;
  }

  private static String gzipBase64(String json) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length() / 6 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
      gz.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getMimeEncoder(120, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(bytes.toByteArray());
  }

  private static String resource(String name) {
    try (InputStream in = RunReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource simlab/report/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String escapeHtml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
