/**
 * The lab 4 student handout: a KV server and clerk on Raft that compile and fail the 4A/4B suites
 * until written; see labs/lab4-kv.md for the API, the rules and how to grade it.
 */
package simlab.kv.skeleton;
