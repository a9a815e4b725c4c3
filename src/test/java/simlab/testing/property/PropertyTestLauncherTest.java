package simlab.testing.property;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * {@link PropertyTest} on the JUnit Platform, as {@code mvn test} runs it: one dynamic test per
 * master seed from {@code sim.seed}/{@code sim.seeds}, a shrunk failure saved with its replay
 * command, and {@code sim.property.replay} replaying exactly that case.
 */
class PropertyTestLauncherTest {

  /** Run only through the launcher below (a static nested class is not picked up by Surefire). */
  static class Sample {
    @PropertyTest
    Stream<DynamicTest> noListSumsTo100OrMore(PropertyContext context) {
      return context.run(
          Property.forAll(Gen.ints(0, 1000).list(0, 20))
              .cases(50)
              .holds(xs -> xs.stream().mapToInt(Integer::intValue).sum() < 100));
    }

    @PropertyTest
    Stream<DynamicTest> everyIntIsInItsRange(PropertyContext context) {
      return context.run(Property.forAll(Gen.ints(-5, 5)).cases(20).holds(x -> x >= -5 && x <= 5));
    }
  }

  /** Test display name (with its parent's) -> failure message, or "ok". */
  private static Map<String, String> run(Map<String, String> config) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    var request =
        LauncherDiscoveryRequestBuilder.request()
            .filters(EngineFilter.includeEngines("junit-jupiter"))
            .selectors(selectClass(Sample.class))
            .configurationParameters(config)
            .build();
    LauncherFactory.create()
        .execute(
            request,
            new TestExecutionListener() {
              private final Map<String, String> names = new LinkedHashMap<>();

              @Override
              public void executionStarted(TestIdentifier id) {
                names.put(id.getUniqueId(), id.getDisplayName());
              }

              @Override
              public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest()) {
                  return;
                }
                String parent = id.getParentId().map(names::get).orElse("?");
                String outcome =
                    result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                        ? "ok"
                        : result
                            .getThrowable()
                            .map(Throwable::getMessage)
                            .orElse(result.getStatus().toString());
                outcomes.put(parent + " " + id.getDisplayName(), outcome);
              }
            });
    return outcomes;
  }

  @Test
  void seedsComeFromSimSeedsAndAFailureIsSavedAndReplayed(@TempDir Path dir) throws Exception {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("sim.seed", "4");
    config.put("sim.seeds", "2");
    config.put(PropertyExtension.FAILURE_DIR_KEY, dir.toString());
    Map<String, String> outcomes = run(config);
    String failing = "noListSumsTo100OrMore(PropertyContext) ";
    String passing = "everyIntIsInItsRange(PropertyContext) ";
    assertEquals(
        java.util.Set.of(
            failing + "[seed 4, 50 cases]",
            failing + "[seed 5, 50 cases]",
            passing + "[seed 4, 20 cases]",
            passing + "[seed 5, 20 cases]"),
        outcomes.keySet());
    assertEquals("ok", outcomes.get(passing + "[seed 4, 20 cases]"));
    assertEquals("ok", outcomes.get(passing + "[seed 5, 20 cases]"));
    assertTrue(
        outcomes.get(failing + "[seed 4, 50 cases]").contains("counterexample: [100]\n"),
        outcomes.toString());
    Path file = dir.resolve("Sample.noListSumsTo100OrMore.txt");
    String message = outcomes.get(failing + "[seed 5, 50 cases]");
    assertTrue(
        message.startsWith("property Sample.noListSumsTo100OrMore failed at case "), message);
    assertTrue(message.contains("(master seed 5, case seed 0x"), message);
    assertTrue(message.contains("counterexample: [100]\n"), message);
    assertTrue(
        message.contains(
            "replay: mvn -q -B test -Dtest='Sample#noListSumsTo100OrMore' "
                + "-Dsim.property.replay="
                + file),
        message);
    assertTrue(
        Files.readString(file).contains("master-seed: 5"), "the last failure is the one saved");

    config.put(PropertyExtension.REPLAY_KEY, file.toString());
    Map<String, String> replayed = run(config);
    String replay = failing + "[replay " + file + "]";
    assertEquals(3, replayed.size(), replayed.toString());
    assertTrue(replayed.get(replay).contains("still fails"), replayed.toString());
    assertTrue(replayed.get(replay).contains("counterexample: [100]\n"), replayed.toString());
    assertEquals(
        "ok", replayed.get(passing + "[seed 4, 20 cases]"), "other properties run as usual");
  }

  @Test
  void aMissingReplayFileIsAOneLineError(@TempDir Path dir) {
    Path missing = dir.resolve("missing.txt");
    Map<String, String> outcomes =
        run(
            Map.of(
                PropertyExtension.REPLAY_KEY,
                missing.toString(),
                PropertyExtension.FAILURE_DIR_KEY,
                dir.toString()));
    assertEquals(2, outcomes.size(), outcomes.toString());
    for (String message : outcomes.values()) {
      assertEquals("sim.property.replay: " + missing + ": no such failure file", message);
    }
  }
}
