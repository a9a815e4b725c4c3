/**
 * Linearizability checking: histories, sequential models, a Wing &amp; Gong / Lowe search with
 * memoisation, and per-partition checking. Independent of the simulator.
 *
 * <h2>Recording and checking a history</h2>
 *
 * <pre>{@code
 * List<Operation<KvInput, KvOutput>> history = new ArrayList<>();
 * // per client call: history.add(new Operation<>(clientId, KvInput.get("k"), KvOutput.of(v), callNanos, returnNanos));
 * CheckResult<KvInput, KvOutput> r = LinearizabilityChecker.check(new KvModel(), history, Duration.ofSeconds(1));
 * switch (r.verdict()) {
 *     case LINEARIZABLE -> { }
 *     case UNKNOWN -> { } // the budget ran out; 6.5840 treats this as a pass
 *     case NOT_LINEARIZABLE -> HtmlReport.write(Path.of("history.html"), r, new KvModel());
 * }
 * }</pre>
 *
 * <h2>Pieces</h2>
 *
 * <ul>
 *   <li>{@link simlab.linearizability.Operation}: client, input, output, call and return time.
 *       {@link simlab.linearizability.Event} and {@link simlab.linearizability.Events} convert
 *       call/return event lists (time = position) into operations.
 *   <li>{@link simlab.linearizability.Model}: initial state, {@code step} returning the possible
 *       next states (empty = illegal; several = the effect is uncertain), state equality and hash,
 *       partitioning, descriptions. Deterministic models implement {@link
 *       simlab.linearizability.DeterministicModel#next}, which returns one state or null. Models in
 *       {@code simlab.linearizability.model}: {@code KvModel} (Get/Put/Append/Delete per key, and
 *       {@code KvModel.unpartitioned()}), {@code VersionedKvModel} (2025 kvsrv Put with versions
 *       and ErrMaybe), {@code RegisterModel}, {@code EtcdModel} (Jepsen's CAS register).
 *   <li>{@link simlab.linearizability.LinearizabilityChecker#check}: returns a {@link
 *       simlab.linearizability.CheckResult} with the verdict and, per partition, a {@link
 *       simlab.linearizability.PartitionResult}: the linearization, or for a failure the longest
 *       linearizable prefix found and the first operation that cannot follow it. {@link
 *       simlab.linearizability.CheckOptions} sets the time budget and threads; the result never
 *       depends on the thread count.
 *   <li>{@code simlab.linearizability.format}: readers for Porcupine's Jepsen etcd logs and kv
 *       histories and a plain register format; malformed input raises {@code
 *       HistoryFormatException} with {@code FILE:LINE: what was expected}.
 *   <li>{@code simlab.linearizability.html.HtmlReport}: a self-contained HTML page of a checked
 *       history.
 * </ul>
 */
package simlab.linearizability;
