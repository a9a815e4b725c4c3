package simlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grading sweep split over machines: {@code --shard I/N} runs the seeds s with s mod N == I,
 * {@code --json} records each run, and {@code grade merge} of the shards' files gives the table of
 * the unsharded run.
 */
class GradeShardTest {
  @TempDir Path tmp;

  private static final String TEST = "TestInitialElection3A";

  private static Set<String> lines(Path f) throws Exception {
    return new TreeSet<>(Files.readAllLines(f));
  }

  /** The table rows and total of a merge output. */
  private static List<String> table(String out) {
    return out.lines().filter(l -> l.startsWith(TEST) || l.startsWith("total: ")).toList();
  }

  @Test
  void twoShardsMergeIntoTheUnshardedRun() throws Exception {
    Path all = tmp.resolve("all.jsonl");
    Path s0 = tmp.resolve("s0.jsonl");
    Path s1 = tmp.resolve("s1.jsonl");
    InProcess.Result whole =
        InProcess.grade("--test", TEST, "--seeds", "4", "--json", all.toString());
    assertEquals(0, whole.code(), whole.err());
    InProcess.Result a =
        InProcess.grade("--test", TEST, "--seeds", "4", "--shard", "0/2", "--json", s0.toString());
    InProcess.Result b =
        InProcess.grade("--test", TEST, "--seeds", "4", "--shard", "1/2", "--json", s1.toString());
    assertEquals(0, a.code(), a.err());
    assertEquals(0, b.code(), b.err());
    assertTrue(a.out().contains("shard 0/2: 2 of 4 seeds"), a.out());

    // seeds 1..4: shard 0/2 ran 2 and 4, shard 1/2 ran 1 and 3; together exactly the whole run
    assertEquals(2, Files.readAllLines(s0).size());
    assertTrue(Files.readString(s0).contains("\"seed\":2,"), Files.readString(s0));
    assertTrue(Files.readString(s1).contains("\"seed\":1,"), Files.readString(s1));
    Set<String> union = lines(s0);
    union.addAll(lines(s1));
    assertEquals(lines(all), union, "the shards' records are the unsharded run's records");

    InProcess.Result merged = InProcess.grade("merge", s0.toString(), s1.toString());
    assertEquals(0, merged.code(), merged.err());
    InProcess.Result single = InProcess.grade("merge", all.toString());
    assertEquals(table(single.out()), table(merged.out()));
    assertTrue(
        merged.out().lines().anyMatch(l -> l.startsWith(TEST) && l.contains("|     4 |      4 |")),
        merged.out());
    assertTrue(merged.out().contains("total: 5/5 points"), merged.out());
  }

  @Test
  void mergeRefusesDisagreeingRecordsAndBadLines() throws Exception {
    Path a = tmp.resolve("a.jsonl");
    Path b = tmp.resolve("b.jsonl");
    String rec =
        "{\"test\":\"T\",\"year\":2024,\"part\":\"3A\",\"seed\":1,\"result\":\"pass\",\"points\":5,"
            + "\"traceHash\":\"%s\"}\n";
    Files.writeString(a, rec.formatted("00aa"));
    Files.writeString(b, rec.formatted("00bb"));
    InProcess.Result r = InProcess.grade("merge", a.toString(), b.toString());
    assertEquals(2, r.code());
    assertTrue(
        r.err().startsWith("grade merge: " + b + ":1: 2024 3A T seed 1 disagrees with"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());

    Files.writeString(b, rec.formatted("00aa") + "{\"test\":\"T\"}\n");
    r = InProcess.grade("merge", a.toString(), b.toString());
    assertEquals(2, r.code());
    assertEquals("grade merge: " + b + ":2: missing field 'year'\n", r.err());

    // a failing record costs the test its points and is listed with its replay command
    Files.writeString(
        b,
        "{\"test\":\"T\",\"year\":2024,\"part\":\"3A\",\"seed\":2,\"result\":\"fail\",\"points\":5,"
            + "\"failure\":\"boom\",\"replay\":\"test-scripts/replay T --seed 2\"}\n");
    r = InProcess.grade("merge", a.toString(), b.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("total: 0/5 points"), r.out());
    assertTrue(r.out().contains("T seed 2: boom\n    replay: test-scripts/replay T --seed 2"));
  }

  @Test
  void badShardOrJsonStopsBeforeAnyTestRuns() throws Exception {
    for (String[] args :
        new String[][] {
          {"--test", TEST, "--shard", "2/2"},
          {"--test", TEST, "--shard", "x"},
          {"--test", TEST, "--seeds", "1", "--first-seed", "1", "--shard", "0/4"},
          {"--test", TEST, "--json", tmp.resolve("no/such/dir/f.jsonl").toString()},
        }) {
      InProcess.Result r = InProcess.grade(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().startsWith("grade: "), r.err());
      assertFalse(r.out().contains("PASS"), r.out());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theGithubActionsGradeSweepIsWiredAndItsCommandRuns() throws Exception {
    java.util.Map<String, Object> wf =
        new org.yaml.snakeyaml.Yaml()
            .load(Files.readString(Path.of("labs/ops/grade-sweep-github-actions.yaml")));
    java.util.Map<String, Object> jobs = (java.util.Map<String, Object>) wf.get("jobs");
    java.util.Map<String, Object> grade = (java.util.Map<String, Object>) jobs.get("grade");
    List<Object> shards =
        (List<Object>)
            ((java.util.Map<String, Object>)
                    ((java.util.Map<String, Object>) grade.get("strategy")).get("matrix"))
                .get("shard");
    String cmd = "";
    for (java.util.Map<String, Object> step :
        (List<java.util.Map<String, Object>>) grade.get("steps")) {
      if (step.get("run") instanceof String r && r.contains("test-scripts/grade")) {
        cmd = r.strip();
      }
    }
    assertTrue(cmd.contains("--shard ${{ matrix.shard }}/" + shards.size()), cmd);
    String merge = "";
    java.util.Map<String, Object> mergeJob = (java.util.Map<String, Object>) jobs.get("merge");
    assertEquals("grade", mergeJob.get("needs"));
    for (java.util.Map<String, Object> step :
        (List<java.util.Map<String, Object>>) mergeJob.get("steps")) {
      if (step.get("run") instanceof String r) {
        merge = r.strip();
      }
    }
    assertEquals("test-scripts/grade merge results/grade-*.jsonl", merge);

    // the job's grade command, for shard 1, scaled down to one test and two seeds
    String args =
        cmd.substring(cmd.indexOf("test-scripts/grade ") + "test-scripts/grade ".length())
            .replace("${{ matrix.shard }}", "1")
            .replace("--seeds 200", "--seeds 2 --test " + TEST)
            .replace("results/", tmp + "/");
    InProcess.Result r = InProcess.grade(args.split(" "));
    assertEquals(0, r.code(), args + ": " + r.err());
    List<String> recs = Files.readAllLines(tmp.resolve("grade-1.jsonl"));
    assertEquals(1, recs.size(), recs.toString()); // of seeds 1 and 2, only 1 has 1 mod 4 == 1
    assertTrue(recs.get(0).contains("\"seed\":1,"), recs.get(0));
  }
}
