package simlab.kvsrv;

import java.util.HashMap;
import java.util.Map;
import simlab.sim.NodeContext;

/**
 * At-most-once Put/Append with bounded memory: per client the server keeps only the sequence number
 * and reply of its latest write. A clerk has one request outstanding, so when seq n+1 arrives the
 * reply to n can never be asked for again and is replaced. Get is never remembered (re-executing it
 * is harmless), which keeps many reading clients free.
 */
public final class ReferenceKvSrvServer implements KvSrvServer {
  private record Last(long seq, String reply) {}

  // String/Long keys hash deterministically, and nothing iterates these maps' order.
  private final Map<String, String> data = new HashMap<>();
  private final Map<Long, Last> lastByClient = new HashMap<>();
  private long dataBytes;
  private long replyBytes;

  public ReferenceKvSrvServer(NodeContext ctx) {
    ctx.handle(GetArgs.class, a -> new GetReply(data.getOrDefault(a.key(), "")));
    ctx.handle(PutAppendArgs.class, this::putAppend);
  }

  private PutAppendReply putAppend(PutAppendArgs a) {
    Last last = lastByClient.get(a.clientId());
    if (last != null && a.seq() == last.seq()) {
      return new PutAppendReply(last.reply());
    }
    String old = data.getOrDefault(a.key(), "");
    String now = a.append() ? old.concat(a.value()) : a.value();
    String prev = data.put(a.key(), now);
    dataBytes += now.length() - (prev == null ? -a.key().length() : prev.length());
    // Only Append's reply carries data; a Put is answered with "" on a retry as well.
    String reply = a.append() ? old : "";
    Last replaced = lastByClient.put(a.clientId(), new Last(a.seq(), reply));
    replyBytes +=
        reply.length() + (replaced == null ? DEDUP_ENTRY_BYTES : -replaced.reply().length());
    return new PutAppendReply(reply);
  }

  @Override
  public long memoryBytes() {
    return dataBytes + replyBytes;
  }
}
