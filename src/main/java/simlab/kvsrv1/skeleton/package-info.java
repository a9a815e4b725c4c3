/**
 * The lab 2 (2025) student handout: a kvsrv1 server, clerk and lock that compile, run and fail the
 * 2025 lab 2 suite until written. See labs/2025/lab2-kvsrv1.md.
 */
package simlab.kvsrv1.skeleton;
