package simlab.cli;

import simlab.linearizability.Verdict;

/**
 * One file's measurement.
 *
 * @param medianMs median over the timed batches of wall milliseconds per check
 * @param cpuMs median over the same batches of the CPU milliseconds per check of the JVM's Java
 *     threads; NaN if not measured
 * @param porcupineMs Porcupine's median; NaN when Porcupine itself timed out
 */
record CheckerBenchRow(
    String file,
    int operations,
    String expected,
    Verdict verdict,
    double medianMs,
    double coldMs,
    double cpuMs,
    double porcupineMs) {

  boolean matchesExpected() {
    return expected.equals("lin")
        ? verdict == Verdict.LINEARIZABLE
        : verdict == Verdict.NOT_LINEARIZABLE;
  }

  /**
   * How many times faster than Porcupine (above 1 = faster); NaN if there is nothing to compare.
   */
  double ratio() {
    return porcupineMs / medianMs;
  }

  boolean etcd() {
    return file.startsWith("jepsen/");
  }
}
