package simlab.bench;

import simlab.sim.SimFuture;

/**
 * One client process of a benchmark (a clerk node, or a proposer for raft). It runs one operation
 * at a time; the future completes with what a get read (null for writes) once the operation
 * succeeded. {@link #retire()} is called when the driver gave up on an operation: the process is
 * never used again (Jepsen's crashed process).
 */
public interface BenchClient {
  /** The process number written in the history. */
  int process();

  SimFuture<String> invoke(String op, String key, String value);

  void retire();
}
