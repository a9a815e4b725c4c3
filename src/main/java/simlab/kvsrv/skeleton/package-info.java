/**
 * The lab 2 student handout: a kvsrv server and clerk that compile, run and fail the lab 2 suite
 * until written. Copy it to your own package and grade it with {@code test-scripts/grade 2 --impl
 * kvsrv=YOUR.Factory}; see labs/lab2-kvsrv.md.
 */
package simlab.kvsrv.skeleton;
