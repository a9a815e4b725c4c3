package simlab.shardkv;

/**
 * @param value the value a Get read ("" when the key is absent or for other operations)
 */
public record KvReply(Err err, String value) {
  public static KvReply of(Err err) {
    return new KvReply(err, "");
  }
}
