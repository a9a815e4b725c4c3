package simlab.explore;

/**
 * The record of one explored seed, as printed, written to {@code --json} (one per line) and merged.
 * For a failure, {@code shrunkSchedule} is the shrunk schedule file's full text (header included)
 * and {@code shrunkFile} where it was saved; both are null otherwise. {@code steps} is the
 * generated schedule's length, {@code shrunkSteps} the shrunk one's (fault steps plus the final
 * heal), -1 when not shrunk.
 */
public record SeedResult(
    String system,
    long seed,
    String result,
    String property,
    String detail,
    String traceHash,
    int steps,
    int shrunkSteps,
    String shrunkFile,
    String shrunkSchedule,
    String replay,
    String shrunkReplay,
    String report) {

  public boolean passed() {
    return result.equals(Outcome.Result.PASS.text());
  }

  public boolean failed() {
    return result.equals(Outcome.Result.FAIL.text());
  }
}
