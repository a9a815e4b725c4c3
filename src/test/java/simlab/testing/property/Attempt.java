package simlab.testing.property;

import java.util.List;
import org.opentest4j.TestAbortedException;

/** One run of a property on one case: the choices it made, its value and its outcome. */
record Attempt<T>(
    ChoiceSequence choices,
    List<Source.Span> spans,
    T value,
    Throwable failure,
    boolean discarded) {

  boolean failed() {
    return failure != null;
  }

  /** Draws the value from the source and checks it; any throwable but a discard is a failure. */
  static <T> Attempt<T> run(Property<T> property, Source source) {
    T value = null;
    Throwable failure = null;
    boolean discarded = false;
    try {
      value = source.draw(property.gen());
      property.body().check(value);
    } catch (Discard | TestAbortedException e) {
      discarded = true;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) { // a generator or check that throws anything has found a counterexample
      failure = t;
    }
    return new Attempt<>(source.choices(), source.spans(), value, failure, discarded);
  }
}
