/**
 * Lab 2 (2025), second half: a lock built on a {@link simlab.kvsrv1.VersionedClerk}, so it works
 * over kvsrv1, kvraft1 or shardkv1 alike. {@link simlab.kvsrv1.lock.Lock} is the interface, {@link
 * simlab.kvsrv1.lock.ReferenceLock} the reference; a student's lock is built by their {@link
 * simlab.kvsrv1.KvSrv1Service#makeLock}.
 */
package simlab.kvsrv1.lock;
