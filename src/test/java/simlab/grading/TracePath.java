package simlab.grading;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks a {@code --trace} file before the run, so a path that cannot be written is an option error
 * (exit 2) and never turns a passing run into a failure.
 */
final class TracePath {
  private TracePath() {}

  /** Why {@code value} cannot be written, or empty if it looks writable. */
  static Optional<String> problem(String value) {
    Path p;
    try {
      p = Path.of(value).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      return Optional.of("--trace " + value + ": not a valid path (" + e.getReason() + ")");
    }
    if (Files.isDirectory(p)) {
      return Optional.of("--trace " + value + ": is a directory; give a file name");
    }
    Path dir = p.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return Optional.of("--trace " + value + ": directory " + dir + " does not exist");
    }
    if (Files.exists(p) && !Files.isWritable(p)) {
      return Optional.of("--trace " + value + ": file is not writable");
    }
    if (!Files.exists(p) && !Files.isWritable(dir)) {
      return Optional.of("--trace " + value + ": directory " + dir + " is not writable");
    }
    return Optional.empty();
  }
}
