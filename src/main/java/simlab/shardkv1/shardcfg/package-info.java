/**
 * The shard configuration of 2025's lab 5 (6.5840 {@code shardkv1/shardcfg}, code given to
 * students): {@link simlab.shardkv1.shardcfg.ShardConfig} maps each of {@link
 * simlab.shardkv1.shardcfg.ShardConfig#NSHARDS} = 12 shards to a group id and each group id to its
 * servers; {@link simlab.shardkv1.shardcfg.ShardConfig#key2Shard} hashes a key to its shard with
 * FNV-32a. The controller stores a configuration as a string ({@code toString}/{@code fromString})
 * in a kvsrv.
 */
package simlab.shardkv1.shardcfg;
