/**
 * Lab 5 (2025) starting point: {@link simlab.shardkv1.skeleton.SkeletonShardKv1} plugs the four
 * pieces a student writes (group server, group clerk, controller, sharded clerk) into the suites
 * ({@code test-scripts/grade --year 2025 5A --impl
 * shardkv1=simlab.shardkv1.skeleton.SkeletonShardKv1}). It compiles and fails every test until
 * written; the given code ({@code ShardConfig}, the RSM and the kvsrv1 clerk) is used as is.
 */
package simlab.shardkv1.skeleton;
