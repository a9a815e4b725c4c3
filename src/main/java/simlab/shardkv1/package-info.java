/**
 * Sharded key/value service of 2025's lab 5 (6.5840 {@code shardkv1}): the sharded clerk ({@link
 * simlab.shardkv1.ReferenceShardKv1Clerk}, a {@link simlab.kvsrv1.VersionedClerk} that routes each
 * key to the group owning its shard under the controller's current configuration) and the one
 * pluggable factory of the lab ({@link simlab.shardkv1.ShardKv1Factory}). The configuration is in
 * {@code shardcfg}, the groups in {@code shardgrp}, the controller in {@code shardctrler}; the
 * handout is labs/2025/lab5-shardkv1.md.
 */
package simlab.shardkv1;
