/**
 * Lab 2 (6.5840 2024 kvsrv): a single key/value server with at-most-once Put/Append and a clerk
 * that retries over the unreliable network.
 *
 * <p>Data flow: a test builds the service through {@link simlab.kvsrv.KvSrvService} ({@link
 * simlab.kvsrv.ReferenceKvSrv} by default, a student's class through {@code --impl kvsrv=CLASS}); a
 * {@link simlab.kvsrv.KvSrvClerk} sends {@link simlab.kvsrv.GetArgs} / {@link
 * simlab.kvsrv.PutAppendArgs} with its client id and sequence number; {@link
 * simlab.kvsrv.ReferenceKvSrvServer} applies a write once, keeps only each client's latest reply
 * (bounded memory, which the memory tests measure through {@code memoryBytes()}) and answers; the
 * clerk completes the caller's future with the value, or with Append's old value. The harness
 * records every call and return for the linearizability check.
 */
package simlab.kvsrv;
