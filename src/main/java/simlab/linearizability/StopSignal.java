package simlab.linearizability;

/** Lets a search ask whether it should give up early (deadline or another part failed). */
interface StopSignal {
  /** Why the search should stop, or null to continue. */
  Verdict stopWith(int partition);
}
