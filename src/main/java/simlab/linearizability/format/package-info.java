/**
 * History file readers. Each reader returns operations timed by line number and reports
 * malformed input as {@link simlab.linearizability.format.HistoryFormatException}
 * ({@code FILE:LINE: what was expected}); nothing is skipped silently except blank lines.
 */
package simlab.linearizability.format;
