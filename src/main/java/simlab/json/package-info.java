/**
 * The one Jackson configuration behind simlab's JSON Lines files: the trace export ({@code
 * simlab.sim.Trace}), explore's result records ({@code simlab.explore.ResultJson}) and the
 * key/value histories that the lab suites save and {@code check-history} reads ({@code
 * simlab.linearizability.format.KvJsonLinesFormat}). It lives apart because those packages must not
 * depend on each other.
 */
package simlab.json;
