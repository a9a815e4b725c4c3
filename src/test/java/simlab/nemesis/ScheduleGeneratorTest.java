package simlab.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("core")
class ScheduleGeneratorTest {
  private static final Topology FIVE = Topology.oneGroup(List.of("n0", "n1", "n2", "n3", "n4"));

  @Test
  void sameSeedSameScheduleDifferentSeedsDiffer() {
    GeneratorConfig c = GeneratorConfig.defaults();
    assertEquals(ScheduleGenerator.generate(42, FIVE, c), ScheduleGenerator.generate(42, FIVE, c));
    assertNotEquals(
        ScheduleGenerator.generate(42, FIVE, c), ScheduleGenerator.generate(43, FIVE, c));
  }

  @Test
  void everyScheduleEndsWithAHealAfterTheLastFaultAndFitsItsConfig() {
    GeneratorConfig c = GeneratorConfig.defaults();
    for (long seed = 1; seed <= 200; seed++) {
      Schedule s = ScheduleGenerator.generate(seed, ShardTopology.TOPOLOGY, c);
      assertTrue(s.endsWithHeal(), s.toString());
      Step heal = s.step(s.size() - 1);
      assertEquals(s.endMs(), heal.atMs(), "the heal comes when the last fault has run its course");
      assertTrue(s.size() - 1 >= c.minFaults() && s.size() - 1 <= c.maxFaults(), s.toString());
      for (Step step : s.steps().subList(0, s.size() - 1)) {
        assertTrue(step.forMs() >= c.minForMs() && step.forMs() <= c.maxForMs(), step.text());
      }
      s.validate(ShardTopology.TOPOLOGY);
    }
  }

  @Test
  void everyKindIsGeneratedAndRestrictedConfigsAreHonoured() {
    Set<String> seen = new HashSet<>();
    for (long seed = 1; seed <= 200; seed++) {
      for (Step s : ScheduleGenerator.generate(seed, FIVE, GeneratorConfig.defaults()).steps()) {
        seen.add(
            s.getClass().getSimpleName()
                + (s instanceof Step.Crash c ? ":" + c.nodes().getClass().getSimpleName() : ""));
      }
    }
    assertEquals(
        Set.of(
            "Partition",
            "Isolate",
            "Bridge",
            "Cut",
            "Crash:Ids",
            "Crash:Minority",
            "Crash:All",
            "CrashLeaderAfterStart",
            "CrashAfterCommit",
            "Unreliable",
            "Reorder",
            "Duplicate",
            "Clog",
            "Heal"),
        seen);
    GeneratorConfig only = GeneratorConfig.of(EnumSet.of(FaultKind.CLOG));
    for (long seed = 1; seed <= 50; seed++) {
      for (Step s : ScheduleGenerator.generate(seed, FIVE, only).steps()) {
        assertTrue(s instanceof Step.Clog || s instanceof Step.Heal, s.text());
      }
    }
  }

  @Test
  void majorityPartitionsAndBridgesKeepAMajorityPerGroup() {
    for (long seed = 1; seed <= 100; seed++) {
      for (Step s :
          ScheduleGenerator.generate(
                  seed,
                  ShardTopology.TOPOLOGY,
                  GeneratorConfig.of(EnumSet.of(FaultKind.PARTITION_MAJORITY, FaultKind.BRIDGE)))
              .steps()) {
        if (s instanceof Step.Partition p) {
          List<Integer> minority = ((NodeSet.Ids) p.side()).ids();
          for (List<Integer> g : ShardTopology.TOPOLOGY.groups()) {
            assertEquals(1, g.stream().filter(minority::contains).count(), s.text());
          }
        } else if (s instanceof Step.Bridge b) {
          assertEquals(4, b.via().size(), "one bridging node per group: " + s.text());
        }
      }
    }
  }

  @Test
  void swarmSeedsPickTheirOwnKindsAndRates() {
    Set<Set<FaultKind>> subsets = new HashSet<>();
    for (long seed = 1; seed <= 40; seed++) {
      GeneratorConfig c = ScheduleGenerator.swarmConfig(seed, GeneratorConfig.defaults());
      assertTrue(!c.weights().isEmpty());
      assertEquals(c, ScheduleGenerator.swarmConfig(seed, GeneratorConfig.defaults()));
      subsets.add(c.weights().keySet());
      Schedule s = ScheduleGenerator.swarm(seed, FIVE, GeneratorConfig.defaults());
      assertEquals(ScheduleGenerator.generate(seed, FIVE, c), s);
    }
    assertTrue(subsets.size() > 30, "swarm subsets should vary by seed: " + subsets.size());
  }

  @Test
  void faultListsParseAndUnknownNamesAreReported() {
    assertEquals(
        EnumSet.of(FaultKind.POWER_LOSS, FaultKind.CLOG), FaultKind.parseList("power-loss, clog"));
    assertEquals(EnumSet.allOf(FaultKind.class), FaultKind.parseList("all"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FaultKind.parseList("clog,boom"));
    assertTrue(
        e.getMessage()
            .startsWith("unknown fault kind 'boom'; expected one of: all, partition-random,"),
        e.getMessage());
  }
}
