/**
 * What the lab suites stand on: the equivalent of each 6.5840 lab's config.go.
 *
 * <p>Data flow: a test asks for a cluster ({@link simlab.harness.RaftCluster}, {@link
 * simlab.harness.KvCluster}, {@link simlab.harness.CtrlerCluster}, {@link
 * simlab.harness.ShardCluster}, {@link simlab.harness.KvSrvSetup}) built on one {@link
 * simlab.sim.Simulation}; the implementation under test comes from {@link
 * simlab.harness.ImplementationChoice} (reference by default, {@code --impl KIND=CLASS} or {@code
 * -Dsim.KIND}, checked before anything runs). The cluster injects faults (connect/disconnect,
 * partitions, crash and restart with the 6.5840 Persister semantics, unreliable network), drives
 * time ({@link simlab.harness.SimWait}), attaches the {@link simlab.harness.RaftInvariantMonitor}
 * to every Raft group (run after every event), annotates the trace for the run report, and records
 * client calls and returns ({@link simlab.harness.KvHistory}) that {@link
 * simlab.harness.HistoryCheck} decides with a step budget (never wall time), writing a failing
 * history as HTML and JSON Lines.
 */
package simlab.harness;
