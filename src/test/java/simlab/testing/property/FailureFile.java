package simlab.testing.property;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved failing case: the property, where the case came from, and the shrunk choice sequence,
 * which alone rebuilds the value. Text, one {@code key: value} per line; lines starting with '#'
 * (the replay command, the value, the failure) are for people and are ignored when the file is read
 * back.
 */
public record FailureFile(
    String property, long masterSeed, long caseIndex, long caseSeed, ChoiceSequence choices) {
  private static final List<String> KEYS =
      List.of("property", "master-seed", "case", "case-seed", "choices");

  /**
   * A failure file that cannot be read; the message names the file, the line and what was expected.
   */
  public static final class BadFailureFile extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    BadFailureFile(String message) {
      super(message);
    }
  }

  /** The file name for a property: its name with anything unusual replaced by '_'. */
  static String fileName(String property) {
    return property.replaceAll("[^A-Za-z0-9._-]", "_") + ".txt";
  }

  /** Writes the file (through a temporary file, so a reader never sees half of it). */
  void write(Path file, List<String> comments) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String comment : comments) {
      for (String line : comment.split("\n", -1)) {
        sb.append("# ").append(line).append('\n');
      }
    }
    sb.append("property: ").append(property).append('\n');
    sb.append("master-seed: ").append(masterSeed).append('\n');
    sb.append("case: ").append(caseIndex).append('\n');
    sb.append("case-seed: ").append(Long.toUnsignedString(caseSeed, 16)).append('\n');
    sb.append("choices: ").append(choices).append('\n');
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".property-", ".tmp");
    Files.writeString(tmp, sb, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
  }

  static FailureFile read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadFailureFile(file + ": no such failure file");
    } catch (IOException e) {
      throw new BadFailureFile(file + ": cannot read: " + e.getMessage());
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int n = 1; n <= lines.size(); n++) {
      String line = lines.get(n - 1).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String key = colon < 0 ? "" : line.substring(0, colon).strip();
      if (!KEYS.contains(key)) {
        throw new BadFailureFile(
            file
                + " line "
                + n
                + ": expected one of "
                + String.join(", ", KEYS)
                + " as 'key: value', got '"
                + line
                + "'");
      }
      if (values.put(key, line.substring(colon + 1).strip()) != null) {
        throw new BadFailureFile(file + " line " + n + ": '" + key + "' appears twice");
      }
    }
    for (String key : KEYS) {
      if (!values.containsKey(key)) {
        throw new BadFailureFile(file + ": missing line '" + key + ": ...'");
      }
    }
    ChoiceSequence choices;
    try {
      choices = ChoiceSequence.parse(values.get("choices"));
    } catch (IllegalArgumentException e) {
      throw new BadFailureFile(file + ": choices: " + e.getMessage());
    }
    return new FailureFile(
        values.get("property"),
        number(file, values, "master-seed", 10),
        number(file, values, "case", 10),
        number(file, values, "case-seed", 16),
        choices);
  }

  private static long number(Path file, Map<String, String> values, String key, int radix) {
    String v = values.get(key);
    try {
      return radix == 16 ? Long.parseUnsignedLong(v, 16) : Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new BadFailureFile(
          file
              + ": "
              + key
              + ": expected "
              + (radix == 16 ? "a hexadecimal" : "an integer")
              + " number, got '"
              + v
              + "'");
    }
  }
}
