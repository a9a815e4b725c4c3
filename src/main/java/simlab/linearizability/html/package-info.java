/**
 * A self-contained HTML view of a checked history ({@link simlab.linearizability.html.HtmlReport}).
 */
package simlab.linearizability.html;
