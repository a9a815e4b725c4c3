package simlab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import simlab.explore.ExplorerTest.Cli;
import simlab.kvsrv1.NoVersionCheckKvSrv1;
import simlab.nemesis.FaultKind;
import simlab.nemesis.Schedule;
import simlab.nemesis.ScheduleFormat;
import simlab.nemesis.Step;

/**
 * The explorer on the 2025 services (kvsrv1, kvraft1, shardkv1): same seed, same schedule, same
 * trace hash (in this JVM and in a fresh one); the reference passes; a broken implementation is
 * shrunk and replays exactly; and the command line's one-line errors for what does not apply.
 */
class Explorer2025Test {
  @TempDir Path tmp;

  static final List<ExploredSystem> SYSTEMS =
      List.of(ExploredSystem.KVSRV1, ExploredSystem.KVRAFT1, ExploredSystem.SHARDKV1);

  static Explorer.Settings settings(ExploredSystem sys, Impls impls, Path out, int budget) {
    return new Explorer.Settings(
        sys,
        impls,
        sys.faultKinds(),
        false,
        sys.defaultParams(),
        budget,
        out,
        "test-scripts/explore " + sys.cliName());
  }

  @Test
  void sameSeedGivesSameScheduleAndSameTraceHash() {
    for (ExploredSystem sys : SYSTEMS) {
      Explorer.Settings s = settings(sys, Impls.REFERENCE, tmp, 0);
      RunSpec a = Explorer.specFor(s, 5);
      RunSpec b = Explorer.specFor(s, 5);
      assertEquals(a, b, sys + ": same seed, same spec");
      Outcome x = ExploreRun.run(a, null);
      Outcome other = ExploreRun.run(Explorer.specFor(s, 6), null);
      Outcome y = ExploreRun.run(b, null);
      assertEquals(Outcome.Result.PASS, x.result(), sys + ": " + x.detail());
      assertEquals(x, y, sys + ": same spec, same outcome and trace hash");
      assertNotEquals(x.traceHash(), other.traceHash(), sys + ": another seed, another run");
    }
  }

  @Test
  void aScheduleReplaysWithTheSameTraceHashInAFreshJvm() throws Exception {
    ExploredSystem sys = ExploredSystem.KVRAFT1;
    RunSpec spec = Explorer.specFor(settings(sys, Impls.REFERENCE, tmp, 0), 3);
    Outcome here = ExploreRun.run(spec, null);
    Path file = tmp.resolve("kvraft1-seed3.txt");
    ScheduleFile.write(file, spec, "kvraft1 seed 3", "");
    assertFreshJvmReplays("kvraft1", file, here.traceHash());
  }

  @Test
  void aBrokenKvSrv1IsShrunkAndItsScheduleReplaysExactly() throws IOException {
    Impls broken = Impls.validate(ExploredSystem.KVSRV1, NoVersionCheckKvSrv1.class.getName());
    SeedResult r = Explorer.runSeed(settings(ExploredSystem.KVSRV1, broken, tmp, 60), 1);
    assertTrue(r.failed(), r.toString());
    assertEquals(PropertyNames.LINEARIZABILITY, r.property(), r.detail());
    assertTrue(r.shrunkSteps() >= 1 && r.shrunkSteps() <= 2, "shrunk to " + r.shrunkSteps());
    String text = Files.readString(Path.of(r.shrunkFile()));
    Matcher m = Pattern.compile("trace-hash ([0-9a-f]+)").matcher(text);
    assertTrue(m.find(), text);
    Cli replay = ExplorerTest.cli("kvsrv1", "--schedule", r.shrunkFile());
    assertEquals(1, replay.code(), replay.err());
    assertTrue(replay.out().contains("result: FAIL Linearizability"), replay.out());
    assertTrue(replay.out().contains("trace-hash: " + m.group(1)), replay.out());
  }

  @Test
  void implMustImplementAFactoryTheSystemRuns() {
    Cli c = ExplorerTest.cli("kvraft1", "--impl", "simlab.kv.ReferenceKv", "--seeds", "1");
    assertEquals(2, c.code(), c.err());
    assertEquals(1, c.err().strip().lines().count(), c.err());
    assertTrue(
        c.err().contains("--impl simlab.kv.ReferenceKv: implements none of")
            && c.err().contains("simlab.kvraft1.KvRaft1Service")
            && c.err().contains("(what kvraft1 runs)"),
        c.err());
    // a 2025 factory is accepted where it runs and refused where it does not
    assertEquals(
        "simlab.rsm.ReferenceRsmFactory",
        Impls.validate(ExploredSystem.KVRAFT1, "simlab.rsm.ReferenceRsmFactory").className());
    Cli wrong = ExplorerTest.cli("shardkv1", "--impl", "simlab.rsm.ReferenceRsmFactory");
    assertEquals(2, wrong.code(), wrong.err());
    assertTrue(wrong.err().contains("(what shardkv1 runs)"), wrong.err());
  }

  @Test
  void kvsrv1RefusesCrashFaultsOnTheCommandLineAndInScheduleFiles() throws IOException {
    assertTrue(!ExploredSystem.KVSRV1.faultKinds().contains(FaultKind.CRASH_ONE));
    assertTrue(!ExploredSystem.KVSRV1.durable() && ExploredSystem.KVRAFT1.durable());
    Cli c = ExplorerTest.cli("kvsrv1", "--faults", "unreliable,crash-one");
    assertEquals(2, c.code(), c.err());
    assertEquals(1, c.err().strip().lines().count(), c.err());
    assertTrue(c.err().startsWith("explore: --faults crash-one: kvsrv1 offers only "), c.err());

    Path file = tmp.resolve("crash.txt");
    Files.writeString(
        file, "# system: kvsrv1\n# seed: 1\nat 100ms crash [0] for 300ms\nat 500ms heal\n");
    Cli replay = ExplorerTest.cli("kvsrv1", "--schedule", file.toString());
    assertEquals(2, replay.code(), replay.err());
    assertEquals(1, replay.err().strip().lines().count(), replay.err());
    assertTrue(replay.err().contains("kvsrv1 has no crash faults"), replay.err());
  }

  /**
   * A cut at seed 1 that lands 1.5 ms into the change to configuration 3, long enough for the
   * successor to take the lease over and finish that change before the controller returns.
   */
  static final Schedule CUT =
      ScheduleFormat.parse("cut", "at 500ms ctrler-cut for 1500ms\nat 5000ms heal\n");

  static RunSpec cutSpec(Impls impls) {
    ExploredSystem sys = ExploredSystem.SHARDKV1;
    return new RunSpec(sys, 1, CUT, sys.defaultParams(), impls);
  }

  @Test
  void aControllerCutMidChangeIsFinishedByASuccessorAndReplaysExactly() throws Exception {
    List<String> log = new ArrayList<>();
    Outcome x = ExploreRun.run(cutSpec(Impls.REFERENCE), log::add);
    Outcome y = ExploreRun.run(cutSpec(Impls.REFERENCE), null);
    assertEquals(Outcome.Result.PASS, x.result(), x.detail());
    assertEquals(x, y, "same spec, same outcome and trace hash");
    assertTrue(
        log.stream().anyMatch(l -> l.contains("triggered: at 500ms ctrler-cut for 1500ms")),
        String.join("\n", log));
    // The same cut catches a controller that writes its target again after losing its lease:
    // the successor took over and finished the change, and the bail-out check sees the write.
    Outcome broken =
        ExploreRun.run(
            cutSpec(
                Impls.validate(
                    ExploredSystem.SHARDKV1, "simlab.shardkv1.BrokenShardKv1$RepublishTarget")),
            null);
    assertTrue(broken.fails(CtrlerTakeover.PROPERTY), broken.toString());

    Path file = tmp.resolve("shardkv1-cut.txt");
    ScheduleFile.write(file, cutSpec(Impls.REFERENCE), "shardkv1 seed 1", "");
    assertFreshJvmReplays("shardkv1", file, x.traceHash());
  }

  @Test
  void onlyShardkv1OffersTheControllerCut() {
    for (ExploredSystem sys : ExploredSystem.values()) {
      assertEquals(
          sys == ExploredSystem.SHARDKV1,
          sys.faultKinds().contains(FaultKind.CTRLER_CUT),
          sys.cliName());
    }
    boolean generated = false;
    Explorer.Settings s = settings(ExploredSystem.SHARDKV1, Impls.REFERENCE, tmp, 0);
    for (long seed = 1; seed <= 10 && !generated; seed++) {
      generated =
          Explorer.scheduleFor(s, seed).steps().stream().anyMatch(Step.CtrlerCut.class::isInstance);
    }
    assertTrue(generated, "no ctrler-cut in the default schedules of seeds 1-10");

    Cli c = ExplorerTest.cli("kvraft1", "--faults", "ctrler-cut");
    assertEquals(2, c.code(), c.err());
    assertEquals(1, c.err().strip().lines().count(), c.err());
    assertTrue(
        c.err().startsWith("explore: --faults ctrler-cut: kvraft1 offers only ")
            && c.err().contains("shardkv1 only"),
        c.err());
  }

  @Test
  void aScheduleFileWithAControllerCutIsRefusedWhereThereIsNoController() throws IOException {
    Path file = tmp.resolve("cut.txt");
    Files.writeString(
        file, "# system: kv\n# seed: 1\nat 100ms ctrler-cut for 300ms\nat 500ms heal\n");
    Cli replay = ExplorerTest.cli("kv", "--schedule", file.toString());
    assertEquals(2, replay.code(), replay.err());
    assertEquals(1, replay.err().strip().lines().count(), replay.err());
    assertTrue(replay.err().contains("kv has no controller to cut off"), replay.err());
  }

  /**
   * Replays {@code file} in a fresh JVM through the command line; it must pass with {@code hash}.
   */
  private static void assertFreshJvmReplays(String system, Path file, String hash)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xss8m",
                "-cp",
                System.getProperty("java.class.path"),
                ExploreMain.class.getName(),
                system,
                "--schedule",
                file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertTrue(out.contains("trace-hash: " + hash), hash + "\n" + out);
  }
}
