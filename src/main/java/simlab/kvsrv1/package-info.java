/**
 * Lab 2 of 6.5840's 2025 curriculum: a single key/value server with versioned Put, and the API the
 * 2025 key/value labs share.
 *
 * <p>The shared API: {@link simlab.kvsrv1.Err} (6.5840's {@code rpc.Err}), {@link
 * simlab.kvsrv1.GetResult} and {@link simlab.kvsrv1.VersionedClerk} (6.5840's {@code IKVClerk},
 * implemented by the kvsrv1, kvraft1 and shardkv1 clerks). Versions are {@code long} (6.5840's
 * {@code Tversion}). The lab: {@link simlab.kvsrv1.KvSrv1Service} (what a student implements),
 * {@link simlab.kvsrv1.ReferenceKvSrv1} (the reference), the wire messages, and the lock in {@code
 * simlab.kvsrv1.lock}. The handout is labs/2025/lab2-kvsrv1.md.
 */
package simlab.kvsrv1;
