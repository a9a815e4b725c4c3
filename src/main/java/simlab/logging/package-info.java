/**
 * Diagnostic logging through slf4j (backed by slf4j-simple, configured in {@code
 * simplelogger.properties}: WARN and above on stderr, no timestamps or thread names). {@link
 * simlab.logging.Logs} hands out every logger and applies {@code -Dsim.log=LEVEL} (or the {@code
 * SIM_LOG} environment variable) first, so {@code -Dsim.log=debug} shows the command line's
 * details, the harness's events (cluster start, crash, restart, partition) and every node's {@code
 * ctx.log} line under the logger {@code simlab.node.<id>}. Logging reads the simulation, never
 * changes it: no trace-hash difference with it on or off.
 */
package simlab.logging;
