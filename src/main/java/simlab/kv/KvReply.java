package simlab.kv;

/** A server's answer; {@code value} is what a Get read ("" otherwise). */
public record KvReply(Err err, String value) {
  public static KvReply of(Err err) {
    return new KvReply(err, "");
  }
}
