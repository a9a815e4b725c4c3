/**
 * The controller of 2025's lab 5 (6.5840 {@code shardkv1/shardctrler}): a library, not a service,
 * that keeps the current configuration in a kvsrv (under {@link
 * simlab.shardkv1.shardctrler.ReferenceShardCtrler#CONFIG_KEY}) and moves shards between groups.
 *
 * <p>A change to configuration n+1 is first stored as the "next" configuration with a versioned Put
 * (only one controller can win that Put for a given current configuration), then carried out shard
 * by shard (freeze on the old owner, install on the new, delete on the old), then published. A
 * controller that crashes or is partitioned half-way leaves the next configuration behind, and any
 * controller's {@code initController} (or a concurrent {@code changeConfigTo}) finishes it. All
 * shard RPCs carry n+1 and are idempotent at that number, so several controllers driving the same
 * change agree, and a controller that returns after others moved on only gets refusals.
 *
 * <p>Part 5C adds a lease ({@code ControllerLease}, a key in the same kvsrv): only its holder
 * drives a change, a controller that finds it taken over bails out, and a new controller waits for
 * an expired (or released) lease before finishing a half-done change. Expiries are virtual time,
 * which all nodes of a simulation share.
 */
package simlab.shardkv1.shardctrler;
