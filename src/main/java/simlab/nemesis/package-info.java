/**
 * The nemesis: fault schedules as data, shared by the explorer, the benchmarks and hand-written
 * scenarios.
 *
 * <ul>
 *   <li>{@link simlab.nemesis.Schedule}: an immutable, time-ordered list of {@link
 *       simlab.nemesis.Step}s (one record per fault kind, each with a start and a duration after
 *       which it undoes itself; {@link simlab.nemesis.Step.Heal} ends all). Value equality and the
 *       shrinking moves ({@code withoutStep}, {@code withoutSteps}, {@code withMerged}, {@code
 *       withDurationsScaled}).
 *   <li>{@link simlab.nemesis.ScheduleFormat}: the text form, one step per line, e.g. {@code at
 *       1200ms partition [0 1] [2 3 4] for 800ms}; parse errors name file:line.
 *   <li>{@link simlab.nemesis.ScheduleGenerator}: a schedule from a seed (stream {@code
 *       nemesis-schedule}), or in swarm mode with a per-seed choice of fault kinds and rates; the
 *       last step is always a heal.
 *   <li>{@link simlab.nemesis.NemesisDriver}: applies a schedule to a {@link
 *       simlab.nemesis.NemesisTarget}, recording each step in the trace (and so the trace hash) and
 *       in a readable log. Adapters: {@link simlab.nemesis.RaftTarget}, {@link
 *       simlab.nemesis.KvTarget}, {@link simlab.nemesis.ShardKvTarget}.
 * </ul>
 *
 * <p>Nodes are named by index into the target's {@link simlab.nemesis.Topology}, or symbolically:
 * {@code leader} (each group's current leader) and {@code minority} (a random minority of each
 * group) are resolved when the step is applied, {@code all} and {@code rest} are fixed sets.
 * Generated schedules use explicit indices wherever the choice needs no run-time knowledge, so a
 * printed schedule says what it does.
 *
 * <p>One kind reaches outside the fault domain: {@code ctrler-cut} ({@link
 * simlab.nemesis.Step.CtrlerCut}) cuts off the controller of a target that has one ({@link
 * simlab.nemesis.NemesisTarget#hasController()}, the explorer's shardkv1) in the middle of a
 * configuration change; it is not among the {@linkplain simlab.nemesis.FaultKind#generic() generic}
 * kinds every target offers.
 */
package simlab.nemesis;
