package simlab.grading;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Checks a {@code --report DIR} value before anything runs, so a bad one costs no run. */
final class ReportDir {
  private ReportDir() {}

  /** Why {@code value} cannot hold the report, or empty if it can (it may not exist yet). */
  static Optional<String> problem(String value) {
    Path p;
    try {
      p = Path.of(value).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      return Optional.of("--report " + value + ": not a valid path (" + e.getReason() + ")");
    }
    if (Files.exists(p) && !Files.isDirectory(p)) {
      return Optional.of("--report " + value + ": exists and is not a directory");
    }
    Path existing = p;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
      return Optional.of(
          "--report "
              + value
              + ": cannot create or write there ("
              + existing
              + " is not a writable directory)");
    }
    return Optional.empty();
  }
}
