package simlab.harness;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The snapshot the Raft tester hands to {@code Raft.snapshot} in 3D, 6.5840's {@code
 * encode(lastIncludedIndex, xlog)}: the index and the tester's copy of the applied log from index 0
 * (always null, Raft logs start at 1) through that index. Raft must treat it as opaque bytes; only
 * the tester decodes it.
 *
 * <p>Commands in the Raft suites are Integers or Strings; Long and null are accepted too.
 */
public record TesterSnapshot(int lastIncludedIndex, List<Object> log) {
  private static final byte NULL = 0;
  private static final byte INT = 1;
  private static final byte LONG = 2;
  private static final byte STRING = 3;

  public TesterSnapshot {
    log = Collections.unmodifiableList(new ArrayList<>(log));
  }

  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(lastIncludedIndex);
      out.writeInt(log.size());
      for (Object v : log) {
        if (v == null) {
          out.writeByte(NULL);
        } else if (v instanceof Integer i) {
          out.writeByte(INT);
          out.writeInt(i);
        } else if (v instanceof Long l) {
          out.writeByte(LONG);
          out.writeLong(l);
        } else if (v instanceof String s) {
          out.writeByte(STRING);
          out.writeUTF(s);
        } else {
          throw new IllegalArgumentException(
              "the Raft tester's snapshot cannot hold a command of type "
                  + v.getClass().getName()
                  + " (Integer, Long, String or null)");
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  /** Decodes a snapshot; throws IllegalArgumentException when the bytes are not one. */
  public static TesterSnapshot decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int index = in.readInt();
      int size = in.readInt();
      if (index < 0 || size < 0 || size > data.length) {
        throw new IllegalArgumentException(
            "snapshot decode error: index " + index + ", " + size + " entries");
      }
      List<Object> log = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        byte tag = in.readByte();
        switch (tag) {
          case NULL -> log.add(null);
          case INT -> log.add(in.readInt());
          case LONG -> log.add(in.readLong());
          case STRING -> log.add(in.readUTF());
          default ->
              throw new IllegalArgumentException("snapshot decode error: unknown tag " + tag);
        }
      }
      if (in.available() != 0) {
        throw new IllegalArgumentException(
            "snapshot decode error: " + in.available() + " trailing bytes");
      }
      return new TesterSnapshot(index, log);
    } catch (IOException e) {
      throw new IllegalArgumentException("snapshot decode error: " + e, e);
    }
  }
}
