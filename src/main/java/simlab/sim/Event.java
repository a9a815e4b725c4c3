package simlab.sim;

/** One scheduled action. Ordered by (time, sequence number): ties break by scheduling order. */
final class Event implements Comparable<Event>, Timer {
  final long at;
  final long seq;
  final NodeRuntime owner;
  final String label;
  final Runnable action;
  boolean cancelled;
  boolean ran;

  Event(long at, long seq, NodeRuntime owner, String label, Runnable action) {
    this.at = at;
    this.seq = seq;
    this.owner = owner;
    this.label = label;
    this.action = action;
  }

  @Override
  public int compareTo(Event o) {
    int c = Long.compare(at, o.at);
    return c != 0 ? c : Long.compare(seq, o.seq);
  }

  @Override
  public void cancel() {
    cancelled = true;
  }

  @Override
  public boolean pending() {
    return !cancelled && !ran;
  }
}
