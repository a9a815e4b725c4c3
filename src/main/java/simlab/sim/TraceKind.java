package simlab.sim;

/**
 * What a trace record describes. The last three kinds never enter the trace hash: they describe the
 * run for people (the JSON export, the run report) and may change freely.
 */
public enum TraceKind {
  SEND,
  DELIVER,
  DROP,
  REPLY,
  NO_REPLY,
  TIMER,
  CRASH,
  RESTART,
  LINK,
  INVOKE,
  RETURN,
  APPLY,
  NOTE,
  /**
   * A mark in the timeline: the harness's partitions, crashes, phases and checks, or a node's own.
   */
  ANNOTATE,
  /** A node's published status, "key=value" pairs such as "role=leader term=3 commit=7 last=9". */
  STATUS;

  /** Whether records of this kind fold into the trace hash. */
  public boolean hashed() {
    return this != NOTE && this != ANNOTATE && this != STATUS;
  }
}
