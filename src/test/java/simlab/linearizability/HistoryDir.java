package simlab.linearizability;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Porcupine's histories live: {@code -Dsimlab.histories=DIR}, else the copy kept in the
 * repository, {@code src/test/resources/histories/porcupine} (relative to the repository root,
 * Maven's cwd; MIT-licensed, see its MANIFEST.md).
 */
public final class HistoryDir {
  public static final String PROPERTY = "simlab.histories";

  private HistoryDir() {}

  public static Path get() {
    String configured = System.getProperty(PROPERTY);
    Path dir = Path.of(configured != null ? configured : "src/test/resources/histories/porcupine");
    if (!Files.isDirectory(dir.resolve("jepsen")) || !Files.isDirectory(dir.resolve("kv"))) {
      throw new IllegalStateException(
          "Porcupine histories not found at "
              + dir.toAbsolutePath()
              + " (expected jepsen/ and kv/ below it); set -D"
              + PROPERTY
              + "=DIR to their location");
    }
    return dir;
  }
}
