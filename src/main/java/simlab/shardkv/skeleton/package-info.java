/**
 * The lab 5B student handout: a sharded KV server and clerk that compile and fail the 5B suite
 * until written; see labs/lab5-shards.md.
 */
package simlab.shardkv.skeleton;
