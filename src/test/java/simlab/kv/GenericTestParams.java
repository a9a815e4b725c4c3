package simlab.kv;

/**
 * The knobs of 6.5840's GenericTest (and of 2025's {@code MakeTest}), shared by the 2024 kvraft
 * suites and the 2025 kvraft1 suites, which run the same scenarios over different clerk APIs.
 */
public record GenericTestParams(
    String part,
    int nclients,
    int nservers,
    boolean unreliable,
    boolean crash,
    boolean partitions,
    int maxraftstate,
    boolean randomkeys) {

  /** One part's fixed knobs (its name and snapshot threshold, -1 for none). */
  public record Part(String name, int maxraftstate) {
    public GenericTestParams with(
        int nclients,
        int nservers,
        boolean unreliable,
        boolean crash,
        boolean partitions,
        boolean randomkeys) {
      return new GenericTestParams(
          name, nclients, nservers, unreliable, crash, partitions, maxraftstate, randomkeys);
    }
  }

  /** The test's title line, worded as 6.5840 prints it. */
  public String title() {
    String t = "Test: ";
    if (unreliable) {
      t += "unreliable net, ";
    }
    if (crash) {
      t += "restarts, ";
    }
    if (partitions) {
      t += "partitions, ";
    }
    if (maxraftstate != -1) {
      t += "snapshots, ";
    }
    if (randomkeys) {
      t += "random keys, ";
    }
    t += nclients > 1 ? "many clients" : "one client";
    return t + " (" + part + ")";
  }
}
