package simlab.sim;

/** What a trace record describes. */
public enum TraceKind {
  SEND, DELIVER, DROP, REPLY, NO_REPLY, TIMER, CRASH, RESTART, LINK, INVOKE, RETURN, APPLY, NOTE
}
