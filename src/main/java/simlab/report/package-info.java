/**
 * The run report: one offline HTML file drawing a simulated run as a timeline — a lane per node
 * with its role and term, messages as arrows, faults as bands, client operations as intervals,
 * annotations — built from a kept {@link simlab.sim.Trace}. The data is embedded as gzipped
 * columnar JSON and unpacked by the page itself, so a run of hundreds of thousands of events stays
 * a file of a few megabytes that needs no network.
 */
package simlab.report;
