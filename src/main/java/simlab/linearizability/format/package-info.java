/**
 * History file readers, and the JSON Lines writer the lab suites use to save a failing history. The
 * Porcupine and register readers time operations by line number; the JSON Lines reader keeps the
 * recorded times. Every reader reports malformed input as {@link
 * simlab.linearizability.format.HistoryFormatException} ({@code FILE:LINE: what was expected});
 * nothing is skipped silently except blank lines.
 */
package simlab.linearizability.format;
