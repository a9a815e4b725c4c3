package simlab.workload;

import java.util.random.RandomGenerator;
import simlab.linearizability.model.KvInput;

/**
 * Draws the next KV operation of a client: a Get with {@code readPercent}, otherwise a write:
 * Append 55%, Put 30%, Delete 15%. Written values are unique per client and operation ({@code
 * c<client>.<seq>;}), which keeps the linearizability search narrow.
 */
final class KvOpMix {
  private final WorkloadParams params;

  KvOpMix(WorkloadParams params) {
    this.params = params;
  }

  KvInput next(RandomGenerator r, int client, int seq) {
    String key = "k" + r.nextInt(params.keys());
    if (r.nextInt(100) < params.readPercent()) {
      return KvInput.get(key);
    }
    String value = "c" + client + "." + seq + ";";
    int w = r.nextInt(100);
    if (w < 55) {
      return KvInput.append(key, value);
    }
    return w < 85 ? KvInput.put(key, value) : KvInput.delete(key);
  }
}
