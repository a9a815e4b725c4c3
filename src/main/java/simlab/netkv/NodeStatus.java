package simlab.netkv;

/** A server's answer to {@link StatusRequest}: its id, current term and whether it leads. */
public record NodeStatus(String id, int term, boolean leader) {}
