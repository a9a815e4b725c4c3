package simlab.linearizability.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reading history files as lines, with I/O problems turned into a located message. */
final class HistoryFiles {
  private HistoryFiles() {}

  static List<String> lines(Path file) throws HistoryFormatException {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new HistoryFormatException(file.toString(), 0, "no such file");
    } catch (IOException e) {
      throw new HistoryFormatException(file.toString(), 0, "cannot read: " + e.getMessage());
    }
  }
}
