/**
 * The lab 5A student handout: a controller server and clerk that compile and fail the 5A suite
 * until written; see labs/lab5-shards.md.
 */
package simlab.shardctrler.skeleton;
