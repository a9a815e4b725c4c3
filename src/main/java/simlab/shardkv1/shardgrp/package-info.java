/**
 * A shard group of 2025's lab 5 (6.5840 {@code shardkv1/shardgrp}): a Raft-replicated key/value
 * server ({@link simlab.rsm.Rsm} under a {@link simlab.shardkv1.shardgrp.GroupStateMachine}) that
 * serves versioned Get/Put for the shards it owns, and lets the controller move shards with
 * FreezeShard, InstallShard and DeleteShard.
 *
 * <p>Every shard carries the number of the last configuration that moved it here or away. A shard
 * RPC older than that number is refused ({@link simlab.kvsrv1.Err#ErrVersion}) and one equal to it
 * is a harmless repeat, so a controller may resend, several controllers may drive the same change,
 * and a controller that was partitioned half-way cannot undo a later change when it returns.
 */
package simlab.shardkv1.shardgrp;
