package simlab.shardkv;

/** @param value the value a Get read ("" when the key is absent or for other operations) */
public record KvReply(KvErr err, String value) {
  public static KvReply of(KvErr err) {
    return new KvReply(err, "");
  }
}
