package simlab.zoo;

import java.util.List;
import simlab.harness.ImplementationKind;

/** The catalog of broken implementations (see the package comment). */
public final class Zoo {
  private Zoo() {}

  /**
   * One broken implementation.
   *
   * @param name short name for tables and test names
   * @param area which part of the protocol the mistake is in
   * @param kind the {@code --impl} kind it replaces
   * @param className the class to pass as {@code --impl kind=className}
   * @param mistake one line: what it gets wrong
   */
  public record Bug(
      String name, String area, ImplementationKind kind, String className, String mistake) {
    /** The {@code --impl} argument that plugs it in. */
    public String implArgument() {
      return kind.shortName() + "=" + className;
    }

    /** The graded parts that run this kind of implementation. */
    public List<String> gradedParts() {
      return kind == ImplementationKind.RAFT
          ? List.of("3A", "3B", "3C", "3D")
          : List.of("4A", "4B");
    }
  }

  private static Bug raft(String name, String area, String simpleName, String mistake) {
    return new Bug(name, area, ImplementationKind.RAFT, "simlab.raft." + simpleName, mistake);
  }

  private static Bug kv(String name, String area, String simpleName, String mistake) {
    return new Bug(name, area, ImplementationKind.KV, "simlab.kv." + simpleName, mistake);
  }

  public static final List<Bug> BUGS =
      List.of(
          raft(
              "votes-twice",
              "election",
              "ZooVotesTwiceRaft",
              "grants a second vote in a term (votedFor not checked)"),
          raft(
              "no-up-to-date-check",
              "election",
              "ZooNoUpToDateCheckRaft",
              "grants votes without the §5.4.1 log comparison"),
          raft(
              "stale-term-append",
              "terms",
              "ZooStaleTermAppendRaft",
              "accepts AppendEntries from an older term"),
          raft(
              "leader-keeps-role",
              "terms",
              "ZooLeaderKeepsRoleRaft",
              "adopts a higher term seen in a reply but stays leader"),
          raft(
              "figure-8",
              "commit",
              "ZooFigure8Raft",
              "commits earlier-term entries by counting replicas"),
          raft(
              "no-prev-term-check",
              "replication",
              "ZooNoPrevTermCheckRaft",
              "AppendEntries checks prevLogIndex exists but not its term"),
          raft(
              "truncating-append",
              "replication",
              "ZooTruncatingAppendRaft",
              "a stale or duplicate AppendEntries truncates entries after a matching prefix"),
          raft(
              "lazy-log-save",
              "persistence",
              "ZooLazyLogSaveRaft",
              "acknowledges AppendEntries before saving the entries"),
          raft(
              "forgets-vote",
              "persistence",
              "ZooForgetsVoteRaft",
              "votedFor not restored after a restart"),
          raft(
              "snapshot-drops-log",
              "snapshots",
              "ZooSnapshotDropsLogRaft",
              "InstallSnapshot discards entries that follow the snapshot"),
          raft(
              "stale-snapshot",
              "snapshots",
              "ZooStaleSnapshotRaft",
              "installs an InstallSnapshot older than the commit index (commit moves backwards)"),
          kv(
              "no-dedup",
              "client retries",
              "ZooNoDedupKv",
              "no duplicate table: a retried Append is applied twice"),
          kv(
              "local-read",
              "reads",
              "ZooLocalReadKv",
              "a leader answers Get from local state, not through the log"));
}
