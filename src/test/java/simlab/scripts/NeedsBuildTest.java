package simlab.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * test-scripts/needs-build on a small project tree: after a recorded build nothing needs building,
 * and every kind of change to a build input (or a damaged target/) does. Exit 0 means "build", 1
 * "up to date"; the printed reason names what changed.
 */
class NeedsBuildTest {
  private static final Path SCRIPT = ScriptRun.ROOT.resolve("test-scripts/needs-build");

  @TempDir Path project;

  @TempDir Path repository;

  private Path jar;

  @BeforeEach
  void projectBuiltOnce() throws IOException {
    assumeTrue(ScriptRun.bashAvailable(), "needs bash");
    write("pom.xml", "<project/>\n");
    write("src/main/java/p/A.java", "package p; class A {}\n");
    write("src/main/resources/r.txt", "alpha\n");
    write("src/test/java/p/ATest.java", "package p; class ATest {}\n");
    Files.createDirectories(project.resolve("target/classes"));
    Files.createDirectories(project.resolve("target/test-classes"));
    jar = repository.resolve("dep.jar");
    Files.writeString(jar, "not really a jar");
    write("target/classpath.txt", jar.toString());
    recordBuild();
  }

  /** What lib.sh does after a successful build: the listing taken before it becomes the stamp. */
  private void recordBuild() throws IOException {
    ScriptRun listing = ScriptRun.run(project, SCRIPT.toString(), "--listing", project.toString());
    assertEquals(0, listing.exit(), listing.output());
    // Without GNU find's -printf the script cannot list and always builds (tested below
    // only where it can list).
    assumeTrue(!listing.output().isBlank(), "find -printf unsupported: every run builds");
    Files.writeString(project.resolve("target/build-stamp"), listing.output());
  }

  private void write(String path, String content) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private ScriptRun check() {
    return ScriptRun.run(ScriptRun.ROOT, SCRIPT.toString(), project.toString());
  }

  private void assertBuilds(String reasonContains) {
    ScriptRun run = check();
    assertEquals(0, run.exit(), "expected a build, got: " + run.output());
    assertTrue(run.output().contains(reasonContains), run.output());
  }

  @Test
  void freshProjectNeedsNoBuild() {
    assertEquals(new ScriptRun(1, ""), check());
    assertEquals(new ScriptRun(1, ""), check(), "checking changes nothing");
  }

  @Test
  void touchedSourceNeedsBuild() throws IOException {
    Path source = project.resolve("src/main/java/p/A.java");
    Files.setLastModifiedTime(
        source, FileTime.fromMillis(Files.getLastModifiedTime(source).toMillis() + 2000));
    assertBuilds("src/main/java/p/A.java");
  }

  @Test
  void resourceRewrittenWithItsOldMtimeNeedsBuild() throws IOException {
    // Same size, mtime put back (as cp -p or tar would): only the change time tells.
    Path resource = project.resolve("src/main/resources/r.txt");
    FileTime before = Files.getLastModifiedTime(resource);
    Files.writeString(resource, "gamma\n");
    Files.setLastModifiedTime(resource, before);
    assertBuilds("src/main/resources/r.txt");
  }

  @Test
  void newFileNeedsBuild() throws IOException {
    write("src/test/java/p/BTest.java", "package p; class BTest {}\n");
    assertBuilds("src/test/java/p/BTest.java");
  }

  @Test
  void deletedFileNeedsBuild() throws IOException {
    Files.delete(project.resolve("src/test/java/p/ATest.java"));
    assertBuilds("src/test/java/p/ATest.java");
  }

  @Test
  void renamedFileNeedsBuild() throws IOException {
    Files.move(
        project.resolve("src/main/java/p/A.java"), project.resolve("src/main/java/p/B.java"));
    assertBuilds("src/main/java/p/");
  }

  @Test
  void pomChangeNeedsBuild() throws IOException {
    write("pom.xml", "<project><!-- a new dependency --></project>\n");
    assertBuilds("pom.xml");
  }

  @Test
  void mavenSettingsChangeNeedsBuild() throws IOException {
    write(".mvn/jvm.config", "-Xmx1g\n");
    assertBuilds(".mvn/jvm.config");
  }

  @Test
  void missingTargetNeedsBuild() throws IOException {
    try (Stream<Path> files = Files.walk(project.resolve("target"))) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    assertBuilds("target/classes is missing");
  }

  @Test
  void missingTestClassesNeedsBuild() throws IOException {
    Files.delete(project.resolve("target/test-classes"));
    assertBuilds("target/test-classes is missing");
  }

  @Test
  void missingStampNeedsBuild() throws IOException {
    Files.delete(project.resolve("target/build-stamp"));
    assertBuilds("target/build-stamp is missing");
  }

  @Test
  void missingClasspathJarNeedsBuild() throws IOException {
    Files.delete(jar);
    assertBuilds(jar.toString());
  }

  @Test
  void rebuiltProjectIsFreshAgain() throws IOException {
    write("src/main/java/p/C.java", "package p; class C {}\n");
    assertBuilds("src/main/java/p/C.java");
    recordBuild();
    assertEquals(new ScriptRun(1, ""), check());
  }

  @Test
  void badUsageExits2() {
    ScriptRun option = ScriptRun.run(ScriptRun.ROOT, SCRIPT.toString(), "--bogus");
    assertEquals(2, option.exit());
    assertTrue(option.output().startsWith("usage: needs-build"), option.output());
    Path missing = project.resolve("nope");
    ScriptRun notDir = ScriptRun.run(ScriptRun.ROOT, SCRIPT.toString(), missing.toString());
    assertEquals(
        new ScriptRun(2, "needs-build: ROOT '" + missing + "' is not a directory\n"), notDir);
  }

  @Test
  void realProjectListingCoversSourcesResourcesAndPom() {
    ScriptRun listing = ScriptRun.run(ScriptRun.ROOT, SCRIPT.toString(), "--listing");
    assertEquals(0, listing.exit(), listing.output());
    assumeTrue(!listing.output().isBlank(), "find -printf unsupported");
    for (String input :
        new String[] {
          "pom.xml",
          "src/main/java/simlab/sim/Simulation.java",
          "src/test/java/simlab/scripts/NeedsBuildTest.java",
          "src/test/resources/histories/porcupine/MANIFEST.md"
        }) {
      assertTrue(
          listing.output().contains("\n" + input + "\t")
              || listing.output().startsWith(input + "\t"),
          input + " missing from the listing");
    }
    assertTrue(!listing.output().contains("target/"), "target/ is output, not input");
  }
}
