package simlab.grading;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * test-scripts/replay: runs one test (by its 6.5840 name) at one seed with its full
 * output, and ends with {@code result: PASS|FAIL} and {@code trace-hash: <hex>}.
 */
public final class ReplayMain {
  private ReplayMain() {
  }

  public static void main(String[] args) {
    String name = null;
    Long seed = null;
    String trace = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--seed" -> seed = Long.parseLong(args[++i]);
          case "--trace" -> trace = args[++i];
          case "--impl" -> System.setProperty("sim.impl", args[++i]);
          default -> {
            if (args[i].startsWith("-") || name != null) {
              throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            name = args[i];
          }
        }
      }
      if (name == null || seed == null) {
        throw new IllegalArgumentException("a test name and --seed N are required");
      }
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      System.err.println("replay: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option is missing its value"
          : e.getMessage()));
      System.err.println("usage: replay <TestName> --seed N [--trace FILE.jsonl] [--impl CLASS]");
      System.exit(2);
      return;
    }
    String wanted = name;
    List<LabTestCatalog.LabTest> matches = LabTestCatalog.discover().stream()
        .filter(t -> t.name().equals(wanted)).toList();
    if (matches.isEmpty()) {
      System.err.println("replay: no simulated test named " + name
          + " (names are the 6.5840 ones, e.g. TestReElection3A; see labs/*.md)");
      System.exit(2);
      return;
    }
    Map<String, String> config = new LinkedHashMap<>();
    if (trace != null) {
      config.put("sim.trace", trace);
    }
    SeedRunner.Outcome r = SeedRunner.run(matches.get(0), seed, config);
    System.out.flush();
    if (!r.passed()) {
      System.out.println("failure: " + r.failure());
    }
    if (trace != null) {
      System.out.println("trace: " + trace);
    }
    System.out.println("result: " + (r.passed() ? "PASS" : "FAIL"));
    System.out.println("trace-hash: " + r.traceHash());
    System.exit(r.passed() ? 0 : 1);
  }
}
