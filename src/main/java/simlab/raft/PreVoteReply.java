package simlab.raft;

/** The answer to a {@link PreVote}: the voter's real term, and whether it would vote. */
public record PreVoteReply(int term, boolean granted) implements Reply {}
