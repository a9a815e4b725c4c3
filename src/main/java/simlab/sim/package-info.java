/**
 * The deterministic simulator: virtual time, one event queue, nodes that see the world only through
 * {@link simlab.sim.NodeContext}, a labrpc-like lossy network, in-memory persisters and a trace
 * whose hash fingerprints a run. Nothing here knows about Raft.
 *
 * <h2>How a seed becomes a run</h2>
 *
 * <ol>
 *   <li><b>The seed.</b> A graded test is a {@code @SimTest}; its seed extension ({@code
 *       simlab.testing.SeedExtension}, test scope) reads {@code sim.seed} / {@code sim.seeds} and
 *       hands the test a {@code Seed}, whose {@code newSimulation()} calls {@link
 *       simlab.sim.Simulation#Simulation(long, boolean)}. The seed is the only input: the clock
 *       starts at 0 and every later choice is drawn from streams derived from it.
 *   <li><b>Random streams by name.</b> {@link simlab.sim.SeedStreams#stream(String)} gives each
 *       consumer its own {@code SplittableRandom}, seeded by {@link
 *       simlab.sim.SeedStreams#derive(long, String)} (SplitMix64 over the master seed and the
 *       stream's name): {@code "network"} for the {@link simlab.sim.Network}, {@code
 *       "node:<id>#<incarnation>"} for each node incarnation's {@link
 *       simlab.sim.NodeContext#random()}, and names of the test driver's own (through {@link
 *       simlab.sim.Simulation#random(String)}). Adding a node or a client never shifts another
 *       stream's draws.
 *   <li><b>Nodes.</b> A harness (for Raft, {@code simlab.harness.RaftCluster}) calls {@link
 *       simlab.sim.Simulation#addNode(String, java.util.List, simlab.sim.NodeFactory)} for each
 *       server. The simulation builds a {@link simlab.sim.NodeRuntime} (the {@link
 *       simlab.sim.NodeContext} of one incarnation: id, peers, clock, random stream, {@link
 *       simlab.sim.Persister}, handlers, timers) and runs the factory inside it. The node registers
 *       request handlers ({@link simlab.sim.NodeContext#handle}, {@link
 *       simlab.sim.NodeContext#handleAsync}) and arms timers ({@link
 *       simlab.sim.NodeContext#schedule}, {@link simlab.sim.NodeContext#defer}). {@link
 *       simlab.sim.Simulation#crash(String)} and {@link simlab.sim.Simulation#restart(String)} end
 *       an incarnation (its timers and pending callbacks die with it) and start the next from a
 *       copy of its persister.
 *   <li><b>The event queue.</b> Every timer, message delivery, reply and "no reply" is an {@link
 *       simlab.sim.Event} in one priority queue ordered by (virtual time in ns, sequence number),
 *       so ties run in scheduling order. {@link simlab.sim.Simulation#runFor}, {@link
 *       simlab.sim.Simulation#runUntil} and {@link simlab.sim.Simulation#await} pop events one at a
 *       time ({@code step()}): skip it if cancelled or if its node is dead, run it as its node
 *       ({@code runAs}, which turns an exception into a {@link simlab.sim.SimulationFailure} naming
 *       node, event, time and seed), then run the monitors (for Raft, the invariant monitor). One
 *       thread, no wall clock: the order of events is a function of the seed alone.
 *   <li><b>The network.</b> {@link simlab.sim.NodeContext#call} goes to {@link
 *       simlab.sim.Network}'s {@code send}: the {@link simlab.sim.MessageCodec} checks that the
 *       request is an immutable value, copies its arrays and sizes it; the network draws from its
 *       stream whether the request is lost or delayed (constants in {@link
 *       simlab.sim.NetworkConfig}) and schedules {@code deliver}, which runs the handler on the
 *       target; the reply travels back the same way ({@code replyPath}, with its own loss and
 *       reordering draws) and the caller's callback runs exactly once, with the reply or {@code
 *       Optional.empty()}.
 *   <li><b>The trace hash.</b> Sends, deliveries, drops, replies, timers, crashes, restarts, link
 *       changes, client operations and applies each call {@link simlab.sim.Trace#record}, which
 *       folds the record into a 64-bit hash built from JVM-independent values only (virtual time,
 *       {@code String.hashCode}, ordinals, sizes). At the end the seed extension publishes {@link
 *       simlab.sim.Trace#hashHex()} as the report entry {@code trace-hash}, which {@code
 *       test-scripts/replay} prints: same seed, same hash, in any JVM.
 * </ol>
 */
package simlab.sim;
