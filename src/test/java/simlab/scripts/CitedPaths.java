package simlab.scripts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository paths a Markdown document cites, with their line numbers: words in code (inline or
 * fenced) that start with one of the repository's top-level folders, or that look like a relative
 * file path (a slash and a file extension), and relative link targets. Not cited: absolute paths,
 * URLs, generated output (target/...), placeholders (&lt;test&gt;, {x}, $VAR) and 6.5840's own Go
 * files (shardkv/test_test.go).
 */
final class CitedPaths {
  /** A path as cited: relative to the repository root (links are resolved to it). */
  record Citation(int line, String path) {}

  private static final List<String> TOP_LEVEL = List.of("src/", "labs/", "test-scripts/", ".ci/");
  private static final Pattern FILE_EXTENSION =
      Pattern.compile(".*/[^/]*\\.(md|java|sh|xml|txt|json|jsonl|log|html|png|svg|csv|properties)");
  private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  private CitedPaths() {}

  /**
   * @param markdown the document
   * @param folder the document's folder relative to the repository root ("" for the root), against
   *     which its links resolve
   */
  static List<Citation> in(String markdown, String folder) {
    List<Citation> cited = new ArrayList<>();
    boolean fenced = false;
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        words(line, i + 1, cited);
        continue;
      }
      Matcher code = INLINE_CODE.matcher(line);
      while (code.find()) {
        words(code.group(1), i + 1, cited);
      }
      Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", ""));
      while (link.find()) {
        String target = link.group(1);
        if (target.startsWith("#") || target.matches("[a-zA-Z][a-zA-Z+.-]*:.*")) {
          continue; // an anchor in the same page, or a URL (http:, mailto:, ...)
        }
        int anchor = target.indexOf('#');
        String file = anchor < 0 ? target : target.substring(0, anchor);
        cited.add(new Citation(i + 1, normalise(folder.isEmpty() ? file : folder + "/" + file)));
      }
    }
    return cited;
  }

  private static void words(String code, int line, List<Citation> cited) {
    for (String raw : code.split("\\s+")) {
      String word = raw.replaceAll("^['\"(\\[]+|['\",;:.)\\]]+$", "");
      if (word.startsWith("-") && word.contains("=")) {
        word = word.substring(word.indexOf('=') + 1); // -Dsim.trace=path: the path is the value
      }
      int colon = word.indexOf(':');
      if (colon > 0) {
        word = word.substring(0, colon); // File.java:42
      }
      if (word.isEmpty()
          || word.startsWith("/")
          || word.startsWith("target/")
          || word.startsWith("~")
          || word.matches(".*[<>{}$].*")
          || word.matches("[A-Z][A-Z_]*(/.*)?")) {
        // DIR/index.html, FILE: an upper-case first segment is a placeholder
        continue;
      }
      boolean topLevel = TOP_LEVEL.stream().anyMatch(word::startsWith);
      if (topLevel || FILE_EXTENSION.matcher(word).matches()) {
        cited.add(new Citation(line, word));
      }
    }
  }

  /** Folds "a/../b" and "./b" so a link from labs/ to ../README.md reads README.md. */
  private static String normalise(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
        parts.remove(parts.size() - 1);
      } else if (!part.equals(".") && !part.isEmpty()) {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }
}
