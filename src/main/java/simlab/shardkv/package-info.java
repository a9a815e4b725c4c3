/**
 * Lab 5B: the sharded key/value service. Each replica group is a Raft group whose state machine
 * ({@link simlab.shardkv.GroupState}) serves the shards the current configuration gives it.
 *
 * <p>Data flow: a {@link simlab.shardkv.ShardClerk} maps a key to its shard, asks the controller
 * for the configuration and sends a {@link simlab.shardkv.KvRequest} to that shard's group; {@link
 * simlab.shardkv.ShardKvServer} submits it to its {@link simlab.rsm.Rsm}, and the group applies it
 * only if it serves the shard in the configuration the log has reached. Configuration changes,
 * shard transfers ({@link simlab.shardkv.MigrationRpcs}: pull, insert, delete) and garbage
 * collection are themselves log entries ({@link simlab.shardkv.GroupOp}), so every replica moves
 * through the same states ({@link simlab.shardkv.ShardStatus}); each shard's duplicate table
 * travels with its data ({@link simlab.shardkv.ShardData}).
 */
package simlab.shardkv;
