package simlab.sim;

/** Builds one incarnation of a node from its context (at start and at every restart). */
@FunctionalInterface
public interface NodeFactory<T> {
  T create(NodeContext ctx);
}
