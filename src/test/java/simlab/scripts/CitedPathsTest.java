package simlab.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import simlab.scripts.CitedPaths.Citation;

/** Every repository path that README.md and the lab handouts cite exists. */
class CitedPathsTest {
  private static final Path ROOT = ScriptRun.ROOT;

  @Test
  void extractsRepositoryPathsOnly() {
    String markdown =
        String.join(
            "\n",
            "Spec: `shared/reference/tests.md` §4; the 2024 `shardkv/test_test.go` scenarios.",
            "Run `test-scripts/replay TestX --seed 7 --trace /tmp/t.jsonl`, see [lab 3](lab3-raft.md),",
            "[the README](../README.md#quick-start), [MIT](https://pdos.csail.mit.edu/6.824/) and [top](#api).",
            "Output: `target/histories/<test>-seed<N>.html`, `src/main/java/simlab/*/skeleton`,",
            "`simlab.raft.ReferenceRaft`, `Raft.java:42` and (`src/main/java/simlab/sim/Simulation.java:10`).",
            "```",
            "test-scripts/grade 3A",
            "mvn test",
            "```");
    assertEquals(
        List.of(
            new Citation(1, "shared/reference/tests.md"),
            new Citation(2, "test-scripts/replay"),
            new Citation(2, "labs/lab3-raft.md"),
            new Citation(3, "README.md"),
            new Citation(4, "src/main/java/simlab/*/skeleton"),
            new Citation(5, "src/main/java/simlab/sim/Simulation.java"),
            new Citation(7, "test-scripts/grade")),
        CitedPaths.in(markdown, "labs"));
  }

  @Test
  void everyCitedPathExists() throws IOException {
    List<Path> documents = new ArrayList<>();
    documents.add(ROOT.resolve("README.md"));
    try (Stream<Path> labs = Files.list(ROOT.resolve("labs"))) {
      labs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    assertTrue(documents.size() >= 5, "README.md and the four handouts: " + documents);
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Path document : documents) {
      String relative = ROOT.relativize(document).toString();
      String folder =
          document.getParent().equals(ROOT) ? "" : ROOT.relativize(document.getParent()).toString();
      for (Citation c : CitedPaths.in(Files.readString(document), folder)) {
        checked++;
        if (!exists(c.path())) {
          missing.add(
              relative
                  + ":"
                  + c.line()
                  + " cites "
                  + c.path()
                  + ", which is not in the repository");
        }
      }
    }
    assertTrue(checked >= 20, "only " + checked + " citations found: is the extraction broken?");
    assertEquals(List.of(), missing);
  }

  @Test
  void globsAndMissingFilesAreJudged() throws IOException {
    assertTrue(exists("src/main/java/simlab/*/skeleton"));
    assertTrue(exists(".ci/run"));
    assertTrue(!exists("src/main/java/simlab/*/no-such-folder"));
    assertTrue(!exists("shared/reference/mit6.5840-tests.md"));
  }

  private static boolean exists(String path) throws IOException {
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (!trimmed.contains("*")) {
      return Files.exists(ROOT.resolve(trimmed));
    }
    PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + trimmed);
    Path start =
        ROOT.resolve(
            trimmed.substring(0, Math.max(0, trimmed.lastIndexOf('/', trimmed.indexOf('*')))));
    if (!Files.isDirectory(start)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(start)) {
      return files.anyMatch(p -> glob.matches(ROOT.relativize(p)));
    }
  }
}
