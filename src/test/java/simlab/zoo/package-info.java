/**
 * The zoo: deliberately broken Raft and KV implementations, each a classic mistake made as a small
 * change to the reference, each pluggable with {@code --impl raft=CLASS} or {@code --impl
 * kv=CLASS}. {@link simlab.zoo.Zoo} lists them; the README's zoo table reports what the graded
 * suites and the explorer make of each.
 *
 * <p>Why the bugs live where they do: a Raft mistake is a subclass of the package-private {@code
 * simlab.raft.RaftCore} (or its {@code Leader}) overriding the one rule it breaks, so the classes
 * sit in the test tree's {@code simlab.raft} package ({@code Zoo*Raft}); the KV mistakes likewise
 * sit in {@code simlab.kv} ({@code Zoo*Kv}) to reuse the package-private state machine. The
 * reference keeps no bug switches: its only concession is a few package-private, documented seams
 * (see {@code RaftCore}).
 */
package simlab.zoo;
