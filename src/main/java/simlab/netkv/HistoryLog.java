package simlab.netkv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import simlab.kv.Op;
import simlab.linearizability.Operation;
import simlab.linearizability.format.KvJsonLinesFormat;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvOutput;

/**
 * Appends the operations clients run on a real cluster to a JSON Lines file that {@code
 * check-history} reads ({@link KvJsonLinesFormat}). Times are wall-clock nanoseconds since the
 * epoch, read when the operation is called and when its answer arrives: every process on the
 * machine reads the same clock, so clients in separate processes can share one history file. A
 * write that timed out is logged with {@code "return": null} (it may have taken effect later); a
 * read that timed out is left out (it tells nothing). Each line is written with one append and
 * flushed at once, so a client killed mid-run loses at most its open operation.
 */
public final class HistoryLog implements AutoCloseable {
  private final Writer out;

  public HistoryLog(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    this.out =
        Files.newBufferedWriter(
            file,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND,
            StandardOpenOption.WRITE);
  }

  /** Wall-clock nanoseconds since the epoch. */
  public static long now() {
    Instant t = Instant.now(); // wall-clock ok: real clients record wall-clock histories
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  /** Logs one finished operation; {@code output} is what a get read ("" for a missing key). */
  public synchronized void completed(
      int client, Op op, String key, String value, String output, long call, long ret) {
    write(
        new Operation<>(
            client,
            input(op, key, value),
            op == Op.GET ? KvOutput.of(output) : KvOutput.NONE,
            call,
            Math.max(call, ret)));
  }

  /** Logs a write that never returned; a read that never returned is not logged. */
  public synchronized void unfinished(int client, Op op, String key, String value, long call) {
    if (op != Op.GET) {
      write(
          new Operation<>(
              client,
              input(op, key, value),
              KvOutput.NONE,
              call,
              KvJsonLinesFormat.NEVER_RETURNED));
    }
  }

  private static KvInput input(Op op, String key, String value) {
    return switch (op) {
      case GET -> KvInput.get(key);
      case PUT -> KvInput.put(key, value);
      case APPEND -> KvInput.append(key, value);
      case DELETE -> KvInput.delete(key);
    };
  }

  private void write(Operation<KvInput, KvOutput> op) {
    try {
      out.write(KvJsonLinesFormat.line(op) + "\n");
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the history file: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
