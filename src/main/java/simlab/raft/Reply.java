package simlab.raft;

/** A reply to one of the three Raft requests; its term is what the step's term check reads. */
sealed interface Reply
    permits RequestVoteReply, AppendEntriesReply, InstallSnapshotReply, PreVoteReply {
  int term();
}
