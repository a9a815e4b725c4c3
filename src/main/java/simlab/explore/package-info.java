/**
 * The explorer: seeded property tests of Raft, KV and sharded KV under generated fault schedules.
 * One run ({@link simlab.explore.ExploreRun}) builds a cluster, drives a {@link
 * simlab.workload.Workload} and a {@link simlab.nemesis.NemesisDriver} from one seed, and checks
 * safety (the Raft invariant monitors after every event, plus {@link
 * simlab.explore.CommittedInLaterLeaders}), linearizability of the client history, liveness after
 * the final heal and durability after a final power loss. A failing run is shrunk by {@link
 * simlab.explore.ScheduleShrinker} (delta debugging over the schedule and the workload size) while
 * the same property still fails, and saved by {@link simlab.explore.ScheduleFile} so that it
 * replays exactly. {@link simlab.explore.ExploreCommand} is {@code test-scripts/explore}.
 */
package simlab.explore;
