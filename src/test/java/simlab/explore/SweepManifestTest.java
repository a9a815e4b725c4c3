package simlab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The example sweep manifests under labs/ops parse, are wired as documented (an Indexed Job whose
 * shard index is JOB_COMPLETION_INDEX and whose shard count is its completions; a matrix whose
 * shard count is its number of entries), and their command line runs here for two shards whose
 * merge equals the unsharded run. To keep the test short the command is scaled down: 3 seeds
 * instead of thousands, 2 shards instead of 8 or 4; every other option is the manifest's own.
 */
class SweepManifestTest {
  private static final Path OPS = Path.of("labs/ops");
  private static final Pattern SHARD = Pattern.compile("--shard (.+?)/(\\d+)");

  @TempDir Path tmp;

  @Test
  @SuppressWarnings("unchecked")
  void kubernetesIndexedJob() throws Exception {
    Map<String, Object> job =
        new Yaml().load(Files.readString(OPS.resolve("explore-sweep-job.yaml")));
    assertEquals("batch/v1", job.get("apiVersion"));
    assertEquals("Job", job.get("kind"));
    Map<String, Object> spec = (Map<String, Object>) job.get("spec");
    assertEquals("Indexed", spec.get("completionMode"));
    Map<String, Object> pod =
        (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
    List<Map<String, Object>> containers = (List<Map<String, Object>>) pod.get("containers");
    assertEquals(1, containers.size());
    assertEquals(List.of("bash", "-c"), containers.get(0).get("command"));
    String cmd = ((List<String>) containers.get(0).get("args")).get(0);
    Matcher m = SHARD.matcher(cmd);
    assertTrue(m.find(), cmd);
    assertEquals("${JOB_COMPLETION_INDEX}", m.group(1));
    assertEquals(
        spec.get("completions"), Integer.parseInt(m.group(2)), "one shard per completion index");
    assertTrue(cmd.contains("--json /results/"), cmd);
    runsAsTwoShards(cmd, "${JOB_COMPLETION_INDEX}", "/results");
  }

  @Test
  @SuppressWarnings("unchecked")
  void githubActionsMatrix() throws Exception {
    Map<String, Object> wf =
        new Yaml().load(Files.readString(OPS.resolve("explore-sweep-github-actions.yaml")));
    Map<String, Object> jobs = (Map<String, Object>) wf.get("jobs");
    Map<String, Object> explore = (Map<String, Object>) jobs.get("explore");
    List<Object> shards =
        (List<Object>)
            ((Map<String, Object>) ((Map<String, Object>) explore.get("strategy")).get("matrix"))
                .get("shard");
    String cmd = null;
    for (Map<String, Object> step : (List<Map<String, Object>>) explore.get("steps")) {
      if (step.get("run") instanceof String r && r.startsWith("test-scripts/explore")) {
        cmd = r.strip();
      }
    }
    assertTrue(cmd != null, "a step runs test-scripts/explore");
    Matcher m = SHARD.matcher(cmd);
    assertTrue(m.find(), cmd);
    assertEquals(
        "${{ matrix.shard }}",
        cmd.substring(cmd.indexOf("--shard ") + 8, cmd.indexOf('/', cmd.indexOf("--shard "))));
    int n =
        Integer.parseInt(cmd.replaceAll(".*--shard \\$\\{\\{ matrix\\.shard }}/(\\d+).*", "$1"));
    assertEquals(n, shards.size(), "one matrix entry per shard");
    for (int i = 0; i < n; i++) {
      assertEquals(i, shards.get(i));
    }
    Map<String, Object> merge = (Map<String, Object>) jobs.get("merge");
    assertEquals("explore", merge.get("needs"));
    String mergeCmd = "";
    for (Map<String, Object> step : (List<Map<String, Object>>) merge.get("steps")) {
      if (step.get("run") instanceof String r) {
        mergeCmd = r.strip();
      }
    }
    assertTrue(mergeCmd.startsWith("test-scripts/explore merge results/"), mergeCmd);
    runsAsTwoShards(cmd, "${{ matrix.shard }}", "results");
  }

  /**
   * Runs the manifest's command for shards 0/2 and 1/2 and unsharded; the merge must equal the
   * latter.
   */
  private void runsAsTwoShards(String command, String indexVar, String resultsDir)
      throws Exception {
    String scaled =
        command
            .replaceAll("--seeds \\d+", "--seeds 3")
            .replaceAll("(--shard .+?)/\\d+", "$1/2")
            .replace(" " + resultsDir + "/", " " + tmp + "/");
    List<Path> shardFiles = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String[] args = argv(scaled.replace(indexVar, String.valueOf(i)));
      assertEquals(0, run(args), String.join(" ", args));
      shardFiles.add(Path.of(args[Arrays.asList(args).indexOf("--json") + 1]));
    }
    String unsharded =
        scaled
            .replace(indexVar, "all")
            .replaceAll("--shard \\S+", "")
            .replaceAll("--json \\S+", "--json " + tmp + "/all.jsonl");
    assertEquals(0, run(argv(unsharded)));
    List<String> mergeArgs = new ArrayList<>(List.of("merge"));
    shardFiles.forEach(f -> mergeArgs.add(f.toString()));
    mergeArgs.addAll(List.of("--json", tmp + "/merged.jsonl"));
    assertEquals(0, run(mergeArgs.toArray(String[]::new)));
    List<String> all = Files.readAllLines(tmp.resolve("all.jsonl"));
    assertEquals(3, all.size());
    assertEquals(all, Files.readAllLines(tmp.resolve("merged.jsonl")));
  }

  private static String[] argv(String command) {
    String[] words = command.trim().split("\\s+");
    assertEquals("test-scripts/explore", words[0]);
    return Arrays.copyOfRange(words, 1, words.length);
  }

  private static int run(String[] args) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
    int code = ExploreMain.run(args, out, out);
    if (code != 0) {
      System.out.println(sink.toString(StandardCharsets.UTF_8));
    }
    return code;
  }
}
