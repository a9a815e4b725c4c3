package simlab.explore;

/** A property of a run failed: thrown by the phases of {@link ExploreRun}, caught by it. */
final class PropertyFailure extends RuntimeException {
  private final String property;

  PropertyFailure(String property, String detail) {
    super(detail, null, false, false);
    this.property = property;
  }

  String property() {
    return property;
  }
}
