/**
 * The grader, shipped in the tests jar: test-scripts/grade, replay and sweep on the JUnit Platform
 * launcher.
 *
 * <p>Data flow: {@link simlab.grading.LabTestCatalog} discovers every {@code @SimTest} on the
 * classpath (simlab's own suites, or the tests jar a student project depends on), with its part tag
 * and {@code @Points}; the options (picocli) choose parts, seeds and implementations, which are
 * validated before anything runs; {@link simlab.grading.SeedRunner} runs one (test, seed) through
 * the launcher and collects its verdict, warnings, trace hash, report and failure text; {@link
 * simlab.grading.GradeMain} runs them in parallel and prints the points table, {@link
 * simlab.grading.ReplayMain} runs one with its full output.
 */
package simlab.grading;
