package simlab.scripts;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One finished run of a shell command: its exit code and its stdout and stderr merged. */
record ScriptRun(int exit, String output) {
  /** The repository root: Maven and IDEs run tests there. */
  static final Path ROOT = Path.of("").toAbsolutePath();

  /** Whether bash (and so every test-script) can run here. */
  static boolean bashAvailable() {
    return Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash"));
  }

  /** Whether {@code name} is a command on the PATH, as bash sees it. */
  static boolean onPath(String name) {
    return bashAvailable()
        && run(ROOT, "bash", "-c", "command -v \"$1\" >/dev/null", "_", name).exit() == 0;
  }

  /** Runs {@code command} in {@code dir}, stdout and stderr merged as `2>&1` would. */
  static ScriptRun run(Path dir, String... command) {
    String shown = String.join(" ", command);
    Path out = null;
    try {
      // A file, not a pipe: a hung command cannot block the read, so the timeout holds.
      out = Files.createTempFile("simlab-script", ".out");
      Process process =
          new ProcessBuilder(List.of(command))
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out after 120 s: " + shown);
      }
      return new ScriptRun(
          process.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("cannot run " + shown + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + shown, e);
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException ignored) {
          // a leftover temp file is harmless
        }
      }
    }
  }
}
