package simlab.grading;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium for the report tests: finds the binary ({@code -Dsim.chromium}, else chromium,
 * chromium-browser or google-chrome on the PATH), loads a page and returns the DOM after its
 * scripts ran ({@code --dump-dom} with a virtual time budget, so the page's asynchronous unpacking
 * finishes), the browser's console lines, and takes screenshots.
 */
final class Chromium {
  private final String binary;

  private Chromium(String binary) {
    this.binary = binary;
  }

  static Optional<Chromium> find() {
    String configured = System.getProperty("sim.chromium");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(new Chromium(configured));
    }
    String path = System.getenv("PATH");
    for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(new Chromium(p.toString()));
        }
      }
    }
    return Optional.empty();
  }

  /** What one page load returned: the DOM, stderr (console lines among it) and the wall time. */
  record Page(String dom, String log, long wallMillis) {
    /** The data-* attributes of the page's #summary element. */
    Map<String, String> summary() {
      Matcher div = Pattern.compile("<div id=\"summary\"([^>]*)>").matcher(dom);
      Map<String, String> out = new LinkedHashMap<>();
      if (div.find()) {
        Matcher a = Pattern.compile("data-([a-z-]+)=\"([^\"]*)\"").matcher(div.group(1));
        while (a.find()) {
          out.put(
              a.group(1),
              a.group(2)
                  .replace("&amp;", "&")
                  .replace("&quot;", "\"")
                  .replace("&lt;", "<")
                  .replace("&gt;", ">"));
        }
      }
      return out;
    }

    /**
     * Every console line of the page. Chromium logs console.error and uncaught exceptions at the
     * same level as console.log, and the report logs nothing else, so any line counts.
     */
    List<String> consoleLines() {
      return log.lines().filter(l -> l.contains(":CONSOLE")).toList();
    }
  }

  Page dumpDom(String url) throws IOException, InterruptedException {
    List<String> cmd = base();
    cmd.add("--virtual-time-budget=20000");
    cmd.add("--dump-dom");
    cmd.add(url);
    return run(cmd);
  }

  Page screenshot(String url, Path png, int width, int height)
      throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    List<String> cmd = base();
    cmd.add("--virtual-time-budget=20000");
    cmd.add("--hide-scrollbars");
    cmd.add("--window-size=" + width + "," + height);
    cmd.add("--screenshot=" + png.toAbsolutePath());
    cmd.add(url);
    return run(cmd);
  }

  private List<String> base() {
    return new ArrayList<>(
        List.of(
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--enable-logging=stderr",
            "--v=0",
            "--user-data-dir="
                + System.getProperty("java.io.tmpdir")
                + "/simlab-chromium-"
                + ProcessHandle.current().pid()));
  }

  private static Page run(List<String> cmd) throws IOException, InterruptedException {
    Path out = Files.createTempFile("chromium", ".out");
    Path err = Files.createTempFile("chromium", ".err");
    try {
      long start = System.nanoTime(); // wall-clock ok: measures the browser, outside any simulation
      Process p =
          new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("chromium did not finish within 180 s: " + cmd);
      }
      long wall = (System.nanoTime() - start) / 1_000_000; // wall-clock ok
      return new Page(
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8),
          wall);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
