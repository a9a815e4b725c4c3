package simlab.linearizability;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Proves that a failing linearizability property shrinks to a minimal history. */
class ShrinkingTest {

  @Test
  void aFalsePropertyShrinksToASingleCorruptedRead() {
    List<Throwable> failures = new ArrayList<>();
    var request = LauncherDiscoveryRequestBuilder.request()
        .filters(EngineFilter.includeEngines("jqwik"))
        .selectors(selectClass(ShrinkingSpec.class))
        .configurationParameter("jqwik.reporting.onlyfailures", "true")
        .configurationParameter("jqwik.reporting.usejunitplatform", "true")
        .build();
    LauncherFactory.create().execute(request, new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED) {
          failures.add(result.getThrowable().orElseThrow());
        }
      }
    });
    assertEquals(1, failures.size(), "the false property must fail exactly once");
    String message = String.valueOf(failures.get(0).getMessage());
    int at = message.indexOf(ShrinkingSpec.MARKER);
    assertTrue(at >= 0, "unexpected failure: " + message);
    int size = Integer.parseInt(message.substring(at + ShrinkingSpec.MARKER.length()).trim().split("\\D")[0]);
    // A single Get reading a value nobody wrote is the smallest counterexample.
    assertEquals(1, size, "jqwik did not shrink the counterexample: " + message);
  }
}
