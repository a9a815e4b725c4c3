/**
 * What every clerk shares. {@link simlab.client.OneAtATime} keeps one request in flight per clerk
 * (6.5840's clerks are used by one goroutine at a time, and at-most-once servers rely on it):
 * operations queue in FIFO order, each starting after the previous one's result listener has
 * returned. {@link simlab.client.Futures} adapts a {@link simlab.sim.SimFuture} result to the
 * callbacks the clerks hand out.
 */
package simlab.client;
