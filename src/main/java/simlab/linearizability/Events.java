package simlab.linearizability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts event-form histories into operations, using each event's position as its time. */
public final class Events {
  private Events() {}

  /**
   * Pairs calls with returns. Calls that never return are rejected, because silently dropping them
   * could hide a violation.
   */
  public static <I, O> List<Operation<I, O>> toOperations(List<Event<I, O>> events) {
    return pair(events, false, null);
  }

  /**
   * Like {@link #toOperations(List)}, but a call without return gets {@code outputForOpenCalls} and
   * a return after every other event: it may take effect at any point after its call, or never
   * visibly.
   */
  public static <I, O> List<Operation<I, O>> toOperations(
      List<Event<I, O>> events, O outputForOpenCalls) {
    return pair(events, true, outputForOpenCalls);
  }

  private static <I, O> List<Operation<I, O>> pair(
      List<Event<I, O>> events, boolean closeOpen, O openOutput) {
    Map<Integer, Event<I, O>> open = new LinkedHashMap<>();
    Map<Integer, Integer> callTime = new LinkedHashMap<>();
    List<Operation<I, O>> ops = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      Event<I, O> e = events.get(i);
      if (e.kind() == Event.Kind.CALL) {
        if (open.putIfAbsent(e.id(), e) != null) {
          throw new IllegalArgumentException("event " + i + ": id " + e.id() + " is already open");
        }
        callTime.put(e.id(), i);
      } else {
        Event<I, O> call = open.remove(e.id());
        if (call == null) {
          throw new IllegalArgumentException(
              "event " + i + ": return for id " + e.id() + " has no open call");
        }
        ops.add(
            new Operation<>(call.clientId(), call.input(), e.output(), callTime.get(e.id()), i));
      }
    }
    if (!open.isEmpty() && !closeOpen) {
      throw new IllegalArgumentException("calls never returned: ids " + open.keySet());
    }
    long end = events.size();
    for (Event<I, O> call : open.values()) {
      ops.add(
          new Operation<>(call.clientId(), call.input(), openOutput, callTime.get(call.id()), end));
    }
    return ops;
  }
}
