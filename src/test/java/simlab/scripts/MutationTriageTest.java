package simlab.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import simlab.scripts.MutationTriage.Entry;
import simlab.scripts.MutationTriage.MutantKey;
import simlab.scripts.MutationTriage.Verdict;

/**
 * The mutation triage cannot drift from what PIT reported: every surviving or uncovered mutant of
 * the checked-in suite runs ({@code baseline-*.csv}) and of their full re-measure with the added
 * checks ({@code remeasure-*.csv}) has exactly one triage line, none the re-measure saw survive is
 * called killed, and every place and every killing test the triage names exists. (Whether a named
 * test really kills its mutant is PIT's to confirm; the README says which run did.)
 */
class MutationTriageTest {
  private static final Path DIR = ScriptRun.ROOT.resolve("src/test/resources/mutation");

  @Test
  void parsesTriageLinesAndRejectsMalformedOnes() {
    String ok =
        "# comment\n"
            + MutationTriage.HEADER
            + "\nsimlab.raft.RaftLog\tslice\t88\tConditionalsBoundaryMutator\tkilled\tsimlab.raft.X#y\n";
    List<Entry> entries = MutationTriage.parseTriage("t.tsv", ok);
    assertEquals(1, entries.size());
    assertEquals(
        new MutantKey("simlab.raft.RaftLog", "slice", 88, "ConditionalsBoundaryMutator"),
        entries.get(0).key());
    assertEquals(Verdict.KILLED, entries.get(0).verdict());
    assertEquals("t.tsv:3", entries.get(0).where());

    assertMessage("t.tsv:1: expected the header", "class\tmethod\n");
    assertMessage(
        "t.tsv:2: expected 6 tab-separated fields, got 5",
        MutationTriage.HEADER + "\na\tb\t1\tM\tkilled\n");
    assertMessage(
        "t.tsv:2: verdict 'fine' is not one of",
        MutationTriage.HEADER + "\na\tb\t1\tM\tfine\twhy\n");
    assertMessage(
        "t.tsv:2: line 'x' is not a positive number",
        MutationTriage.HEADER + "\na\tb\tx\tM\ttiming\twhy\n");
    assertMessage(
        "t.tsv:2: the evidence field is empty", MutationTriage.HEADER + "\na\tb\t3\tM\topen\t \n");
  }

  @Test
  void baselineKeepsOnlySurvivorsAndUncoveredWithTheirCount() {
    String csv =
        "F.java,a.F,org.pitest.x.MathMutator,m,5,SURVIVED,none\n"
            + "F.java,a.F,org.pitest.x.MathMutator,m,5,SURVIVED,none\n"
            + "F.java,a.F,org.pitest.x.MathMutator,m,6,KILLED,a.T.[engine:junit-jupiter]/x,y\n"
            + "F.java,a.F,org.pitest.x.NullReturnValsMutator,n,9,NO_COVERAGE,none\n";
    Map<MutantKey, Integer> baseline = MutationTriage.parseBaseline("b.csv", csv);
    Map<MutantKey, Integer> want = new TreeMap<>();
    want.put(new MutantKey("a.F", "m", 5, "MathMutator"), 2);
    want.put(new MutantKey("a.F", "n", 9, "NullReturnValsMutator"), 1);
    assertEquals(want, baseline);
  }

  @Test
  void reportsMissingAndExtraTriageLines() {
    MutantKey a = new MutantKey("a.F", "m", 5, "MathMutator");
    MutantKey b = new MutantKey("a.F", "n", 9, "MathMutator");
    assertEquals(
        List.of("missing 1× a.F.m:5 MathMutator", "not in the baseline 1× a.F.n:9 MathMutator"),
        MutationTriage.differences(Map.of(a, 2), Map.of(a, 1, b, 1)));
    assertTrue(MutationTriage.differences(Map.of(a, 2), Map.of(a, 2)).isEmpty());
  }

  @Test
  void everyBaselineMutantIsTriagedExactlyOnce() throws IOException {
    // A re-measure may leave a mutant the baseline counted killed only by a timeout (a loaded
    // machine); it needs a triage line too, so the set to cover is the union of both runs.
    Map<MutantKey, Integer> toTriage = survivors("baseline-");
    assertFalse(toTriage.isEmpty(), "no baseline-*.csv in " + DIR);
    survivors("remeasure-").forEach((k, v) -> toTriage.merge(k, v, Math::max));
    List<String> differences =
        MutationTriage.differences(toTriage, MutationTriage.count(allTriage()));
    assertTrue(differences.isEmpty(), String.join("\n", differences));
  }

  @Test
  void nothingTriagedKilledSurvivesTheRemeasure() throws IOException {
    Map<MutantKey, Integer> remeasured = survivors("remeasure-");
    assertFalse(remeasured.isEmpty(), "no remeasure-*.csv in " + DIR);
    Map<MutantKey, Integer> notKilled = new TreeMap<>();
    for (Entry e : allTriage()) {
      if (e.verdict() != Verdict.KILLED) notKilled.merge(e.key(), 1, Integer::sum);
    }
    List<String> problems = new ArrayList<>();
    remeasured.forEach(
        (k, n) -> {
          if (notKilled.getOrDefault(k, 0) < n) {
            problems.add(k + ": survived the full re-measure but is triaged killed");
          }
        });
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /** The surviving and uncovered mutants of every {@code PREFIX*.csv} run, summed. */
  private static Map<MutantKey, Integer> survivors(String prefix) throws IOException {
    Map<MutantKey, Integer> all = new TreeMap<>();
    for (Path file : files(".csv")) {
      String name = file.getFileName().toString();
      if (name.startsWith(prefix)) {
        MutationTriage.parseBaseline(name, MutationTriage.read(file))
            .forEach((k, v) -> all.merge(k, v, Integer::sum));
      }
    }
    return all;
  }

  @Test
  void everyNamedClassMethodAndLineExists() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Entry e : allTriage()) {
      MutantKey k = e.key();
      Class<?> type = load(k.className());
      if (type == null) {
        problems.add(e.where() + ": no class " + k.className());
        continue;
      }
      boolean method =
          k.method().equals("<init>")
              ? type.getDeclaredConstructors().length > 0
              : k.method().equals("<clinit>")
                  || Arrays.stream(type.getDeclaredMethods())
                      .anyMatch(m -> m.getName().equals(k.method()));
      if (!method) problems.add(e.where() + ": no method " + k.method() + " in " + k.className());
      String outer = k.className().replace('$', '#').split("#")[0];
      Path source = ScriptRun.ROOT.resolve("src/main/java/" + outer.replace('.', '/') + ".java");
      if (!Files.exists(source)) {
        problems.add(e.where() + ": no source " + source);
      } else if (k.line() > Files.readAllLines(source).size()) {
        problems.add(e.where() + ": line " + k.line() + " is past the end of " + source);
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void everyKillerIsAnExistingTestMethod() throws IOException {
    List<String> problems = new ArrayList<>();
    int killed = 0;
    for (Entry e : allTriage()) {
      if (e.verdict() != Verdict.KILLED) continue;
      killed++;
      String[] parts = e.evidence().split("#", -1);
      Class<?> type = parts.length == 2 ? load(parts[0]) : null;
      if (type == null) {
        problems.add(
            e.where() + ": evidence '" + e.evidence() + "' is not an existing Class#method");
        continue;
      }
      if (!hasTestMethod(type, parts[1])) {
        problems.add(e.where() + ": " + parts[0] + " has no annotated test method " + parts[1]);
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertTrue(killed > 0, "no killed verdict at all: the triage names no added check");
  }

  private static boolean hasTestMethod(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(name) && m.getAnnotations().length > 0) return true;
      }
    }
    return false;
  }

  private static void assertMessage(String prefix, String text) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> MutationTriage.parseTriage("t.tsv", text));
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
  }

  private static List<Entry> allTriage() throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (Path file : files(".tsv")) {
      entries.addAll(
          MutationTriage.parseTriage(file.getFileName().toString(), MutationTriage.read(file)));
    }
    assertFalse(entries.isEmpty(), "no triage file in " + DIR);
    return entries;
  }

  private static List<Path> files(String suffix) throws IOException {
    try (Stream<Path> list = Files.list(DIR)) {
      return list.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, MutationTriageTest.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
