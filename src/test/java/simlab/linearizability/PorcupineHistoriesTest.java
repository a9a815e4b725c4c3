package simlab.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import simlab.linearizability.format.HistoryFormatException;
import simlab.linearizability.format.JepsenEtcdFormat;
import simlab.linearizability.format.PorcupineKvFormat;
import simlab.linearizability.model.EtcdModel;
import simlab.linearizability.model.KvModel;

/** Every history Porcupine ships, with the verdict Porcupine's own tests expect. */
class PorcupineHistoriesTest {
  /** From MANIFEST.md: the only linearizable Jepsen logs; all other non-empty ones are not. */
  private static final Set<String> LINEARIZABLE_ETCD =
      Set.of(
          "002", "005", "007", "018", "025", "031", "038", "045", "048", "049", "051", "053", "056",
          "067", "075", "076", "080", "087", "092", "098", "100", "101", "102");

  /** Far above the slowest file's time; the test must never see UNKNOWN. */
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  static Stream<String> etcdFiles() {
    return Stream.iterate(0, i -> i <= 102, i -> i + 1).map(i -> String.format("etcd_%03d.log", i));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("etcdFiles")
  void etcdVerdict(String name) throws HistoryFormatException {
    Path file = HistoryDir.get().resolve("jepsen").resolve(name);
    List<Operation<simlab.linearizability.model.EtcdInput, simlab.linearizability.model.EtcdOutput>>
        ops = JepsenEtcdFormat.read(file);
    String id = name.substring(5, 8);
    if (id.equals("095")) {
      assertEquals(0, ops.size(), "etcd_095.log is empty upstream");
    } else {
      assertTrue(ops.size() >= 73 && ops.size() <= 90, "ops " + ops.size());
    }
    Verdict expected =
        LINEARIZABLE_ETCD.contains(id) || id.equals("095")
            ? Verdict.LINEARIZABLE
            : Verdict.NOT_LINEARIZABLE;
    assertEquals(
        expected, LinearizabilityChecker.check(new EtcdModel(), ops, TIMEOUT).verdict(), name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kvFiles")
  void kvVerdict(String name, int operations) throws HistoryFormatException {
    var ops = PorcupineKvFormat.read(HistoryDir.get().resolve("kv").resolve(name));
    assertEquals(operations, ops.size());
    Verdict expected = name.endsWith("-ok.txt") ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE;
    assertEquals(
        expected, LinearizabilityChecker.check(new KvModel(), ops, TIMEOUT).verdict(), name);
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> kvFiles() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("c01-bad.txt", 38),
        org.junit.jupiter.params.provider.Arguments.of("c01-ok.txt", 58),
        org.junit.jupiter.params.provider.Arguments.of("c10-bad.txt", 405),
        org.junit.jupiter.params.provider.Arguments.of("c10-ok.txt", 337),
        org.junit.jupiter.params.provider.Arguments.of("c50-bad.txt", 2024),
        org.junit.jupiter.params.provider.Arguments.of("c50-ok.txt", 1712));
  }

  /** The small kv files also give the right verdict with one search over the whole map. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("smallKvFiles")
  void kvVerdictUnpartitioned(String name) throws HistoryFormatException {
    var ops = PorcupineKvFormat.read(HistoryDir.get().resolve("kv").resolve(name));
    Verdict expected = name.endsWith("-ok.txt") ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE;
    assertEquals(
        expected, LinearizabilityChecker.check(KvModel.unpartitioned(), ops, TIMEOUT).verdict());
  }

  static Stream<String> smallKvFiles() {
    return Stream.of("c01-bad.txt", "c01-ok.txt");
  }

  /** Guards against the data set growing without the test noticing. */
  @Test
  void everyFileIsCovered() throws IOException {
    try (Stream<Path> jepsen = Files.list(HistoryDir.get().resolve("jepsen"));
        Stream<Path> kv = Files.list(HistoryDir.get().resolve("kv"))) {
      assertEquals(103, jepsen.count());
      assertEquals(6, kv.count());
    }
  }
}
